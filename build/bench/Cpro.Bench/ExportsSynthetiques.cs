using System.Globalization;
using System.Text;

namespace Cpro.Bench;

/// <summary>A large made-up SIECLE / STS-web export: learners in divisions and groups, their guardians, staff and services.</summary>
internal sealed class ExportsSynthetiques(string uai, int annee, int apprenants, int responsables, int personnels, int divisions)
{
    private static readonly string[] Prenoms = ["Léa", "Anaïs", "Hugo", "Chloé", "Noé", "Inès", "Jules", "Zoé", "Théo", "Maëlys", "Lucas", "Éloïse", "Rayan", "Jade", "Adam"];
    private static readonly string[] Noms = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU", "ŒUVRAY", "LEFÈVRE", "GARNIER", "FAURE", "ROUSSEAU"];

    public string Division(int i) => $"D{i % divisions:000}";

    /// <summary>The three files under the names SIECLE and STS-web give them (never emp_sts…, which the importer refuses).</summary>
    public IReadOnlyList<(string Nom, byte[] Contenu)> Fichiers() =>
    [
        ("ElevesSansAdresses.xml", Eleves()),
        ("ResponsablesAvecAdresses.xml", ResponsablesXml()),
        ($"sts_emp_{uai}_{annee}.xml", Sts()),
    ];

    public IEnumerable<(string EleveId, string Nom, string Prenom, string Division, string Groupe)> Apprenants() =>
        Enumerable.Range(0, apprenants).Select(i => ($"{100000 + i}", Noms[i % Noms.Length], Prenoms[i / Noms.Length % Prenoms.Length] + (i / 225), Division(i), $"G{i % (divisions / 2):000}"));

    public IEnumerable<(string PersonneId, string Nom, string Prenom, string EleveId)> Responsables() =>
        Enumerable.Range(0, responsables).Select(i => ($"P{i}", Noms[(i + 3) % Noms.Length], Prenoms[(i + 5) % Prenoms.Length], $"{100000 + i % apprenants}"));

    public IEnumerable<(string Id, string Nom, string Prenom)> Personnels() =>
        Enumerable.Range(0, personnels).Select(i => ($"{9000 + i}", Noms[(i + 7) % Noms.Length], Prenoms[(i + 2) % Prenoms.Length] + i));

    public byte[] Eleves()
    {
        var sb = Entete("BEE_ELEVES", $"<PARAMETRES><UAJ>{uai}</UAJ><ANNEE_SCOLAIRE>{annee}</ANNEE_SCOLAIRE></PARAMETRES><DONNEES><ELEVES>");
        foreach (var (id, nom, prenom, _, _) in Apprenants())
        {
            sb.Append(CultureInfo.InvariantCulture, $"<ELEVE ELEVE_ID=\"{id}\"><ID_NATIONAL>{id}000AB</ID_NATIONAL><NOM_DE_FAMILLE>{nom}</NOM_DE_FAMILLE><PRENOM>{prenom}</PRENOM><DATE_NAISS>14/03/2010</DATE_NAISS><CODE_SEXE>2</CODE_SEXE><CODE_MEF>24023302210</CODE_MEF><CODE_STATUT>ST</CODE_STATUT><DATE_ENTREE>02/09/{annee}</DATE_ENTREE></ELEVE>\n");
        }
        sb.Append("</ELEVES><STRUCTURES>");
        foreach (var (id, _, _, division, groupe) in Apprenants())
        {
            sb.Append(CultureInfo.InvariantCulture, $"<STRUCTURES_ELEVE ELEVE_ID=\"{id}\"><STRUCTURE><CODE_STRUCTURE>{division}</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE><STRUCTURE><CODE_STRUCTURE>{groupe}</CODE_STRUCTURE><TYPE_STRUCTURE>G</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>\n");
        }
        sb.Append("</STRUCTURES></DONNEES></BEE_ELEVES>");
        return Iso(sb);
    }

    public byte[] ResponsablesXml()
    {
        var sb = Entete("BEE_RESPONSABLES", $"<PARAMETRES><UAJ>{uai}</UAJ><ANNEE_SCOLAIRE>{annee}</ANNEE_SCOLAIRE></PARAMETRES><DONNEES><PERSONNES>");
        foreach (var (id, nom, prenom, _) in Responsables())
        {
            sb.Append(CultureInfo.InvariantCulture, $"<PERSONNE PERSONNE_ID=\"{id}\"><LC_CIVILITE>MME</LC_CIVILITE><NOM_DE_FAMILLE>{nom}</NOM_DE_FAMILLE><PRENOM>{prenom}</PRENOM><TEL_PORTABLE>0600000000</TEL_PORTABLE><MEL>parent{id}@example.org</MEL><ADRESSE_ID>{id}</ADRESSE_ID></PERSONNE>\n");
        }
        sb.Append("</PERSONNES><RESPONSABLES>");
        foreach (var (id, _, _, eleve) in Responsables())
        {
            sb.Append(CultureInfo.InvariantCulture, $"<RESPONSABLE_ELEVE><ELEVE_ID>{eleve}</ELEVE_ID><PERSONNE_ID>{id}</PERSONNE_ID><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE><CODE_PARENTE>10</CODE_PARENTE></RESPONSABLE_ELEVE>\n");
        }
        sb.Append("</RESPONSABLES><ADRESSES>");
        foreach (var (id, _, _, _) in Responsables())
        {
            sb.Append(CultureInfo.InvariantCulture, $"<ADRESSE ADRESSE_ID=\"{id}\"><LIGNE1_ADRESSE>1 rue de la Paix</LIGNE1_ADRESSE><CODE_POSTAL>76000</CODE_POSTAL><LL_PAYS>FRANCE</LL_PAYS></ADRESSE>\n");
        }
        sb.Append("</ADRESSES></DONNEES></BEE_RESPONSABLES>");
        return Iso(sb);
    }

    public byte[] Sts()
    {
        var sb = Entete("STS_EDT", $"<PARAMETRES><UAJ CODE=\"{uai}\"/><ANNEE_SCOLAIRE ANNEE=\"{annee}\"/></PARAMETRES><NOMENCLATURES><MEFS><MEF CODE=\"24023302210\"><LIBELLE_LONG>2NDPRO METIERS ELEC.</LIBELLE_LONG></MEF></MEFS></NOMENCLATURES><DONNEES><INDIVIDUS>");
        foreach (var (id, nom, prenom) in Personnels())
        {
            sb.Append(CultureInfo.InvariantCulture, $"<INDIVIDU ID=\"{id}\" TYPE=\"epp\"><NOM_USAGE>{nom}</NOM_USAGE><PRENOM>{prenom}</PRENOM><DATE_NAISSANCE>1975-03-12</DATE_NAISSANCE><FONCTION>ENS</FONCTION><DISCIPLINES><DISCIPLINE CODE=\"L6400\"/></DISCIPLINES></INDIVIDU>\n");
        }
        sb.Append("</INDIVIDUS><STRUCTURE><DIVISIONS>");
        for (var d = 0; d < divisions; d++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<DIVISION CODE=\"D{d:000}\"><LIBELLE_LONG>Division {d}</LIBELLE_LONG><SERVICES><SERVICE CODE_MATIERE=\"064000\" CODE_MOD_COURS=\"CG\"><ENSEIGNANTS><ENSEIGNANT ID=\"{9000 + d % personnels}\"/><ENSEIGNANT ID=\"{9000 + (d + 1) % personnels}\"/></ENSEIGNANTS></SERVICE></SERVICES><MEFS_APPARTENANCE><MEF CODE=\"24023302210\"/></MEFS_APPARTENANCE></DIVISION>\n");
        }
        sb.Append("</DIVISIONS><GROUPES>");
        for (var g = 0; g < divisions / 2; g++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<GROUPE CODE=\"G{g:000}\"><LIBELLE_LONG>Groupe {g}</LIBELLE_LONG><DIVISIONS_APPARTENANCE><DIVISION_APPARTENANCE CODE=\"D{g:000}\"/></DIVISIONS_APPARTENANCE><SERVICES><SERVICE CODE_MATIERE=\"030201\"><ENSEIGNANTS><ENSEIGNANT ID=\"{9000 + (g + 2) % personnels}\"/></ENSEIGNANTS></SERVICE></SERVICES></GROUPE>\n");
        }
        sb.Append("</GROUPES></STRUCTURE></DONNEES></STS_EDT>");
        return Iso(sb);
    }

    private static StringBuilder Entete(string racine, string debut) =>
        new StringBuilder(1 << 20).Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<{racine}>{debut}");

    private static byte[] Iso(StringBuilder sb) => Encoding.GetEncoding("ISO-8859-15").GetBytes(sb.ToString());
}
