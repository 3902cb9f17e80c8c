using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Cpro.IntegrationTests.Siecle;

/// <summary>SIECLE and STS-web exports written for the tests, after ../shared/domain/siecle.md (made-up people).</summary>
public static class Fixtures
{
    static Fixtures() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static int AnneeCourante => DateTime.UtcNow.Month >= 9 ? DateTime.UtcNow.Year : DateTime.UtcNow.Year - 1;

    public sealed record Eleve(string Id, string? Ine, string Nom, string Prenom, string? Division, string[]? Groupes = null,
        string? DateSortie = null, string Statut = "ST", string? Prenom2 = null, string DateNaissance = "14/03/2010");

    public static string Eleves(string uai, IEnumerable<Eleve> eleves, int? annee = null, string encodage = "ISO-8859-15")
    {
        var liste = eleves.ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"{encodage}\"?>\n<BEE_ELEVES VERSION=\"3.0\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"<PARAMETRES><UAJ>{uai}</UAJ><ANNEE_SCOLAIRE>{annee ?? AnneeCourante}</ANNEE_SCOLAIRE><DATE_EXPORT>02/09/2026</DATE_EXPORT></PARAMETRES>\n<DONNEES><ELEVES>\n");
        foreach (var e in liste)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<ELEVE ELEVE_ID=\"{e.Id}\" ELENOET=\"{e.Id}\">");
            if (e.Ine is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<ID_NATIONAL>{e.Ine}</ID_NATIONAL>");
            }
            sb.Append(CultureInfo.InvariantCulture, $"<NOM_DE_FAMILLE>{e.Nom}</NOM_DE_FAMILLE><PRENOM>{e.Prenom}</PRENOM>");
            if (e.Prenom2 is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<PRENOM2>{e.Prenom2}</PRENOM2>");
            }
            sb.Append(CultureInfo.InvariantCulture, $"<DATE_NAISS>{e.DateNaissance}</DATE_NAISS><CODE_SEXE>2</CODE_SEXE><CODE_MEF>24023302210</CODE_MEF>");
            sb.Append(CultureInfo.InvariantCulture, $"<CODE_STATUT>{e.Statut}</CODE_STATUT><DATE_ENTREE>02/09/{AnneeCourante}</DATE_ENTREE>");
            if (e.DateSortie is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<DATE_SORTIE>{e.DateSortie}</DATE_SORTIE>");
            }
            sb.Append("<CODE_REGIME>0</CODE_REGIME></ELEVE>\n");
        }
        sb.Append("</ELEVES><OPTIONS/><STRUCTURES>\n");
        foreach (var e in liste.Where(e => e.Division is not null || e.Groupes is not null))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<STRUCTURES_ELEVE ELEVE_ID=\"{e.Id}\" ELENOET=\"{e.Id}\">");
            if (e.Division is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<STRUCTURE><CODE_STRUCTURE>{e.Division}</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>");
            }
            foreach (var g in e.Groupes ?? [])
            {
                sb.Append(CultureInfo.InvariantCulture, $"<STRUCTURE><CODE_STRUCTURE>{g}</CODE_STRUCTURE><TYPE_STRUCTURE>G</TYPE_STRUCTURE></STRUCTURE>");
            }
            sb.Append("</STRUCTURES_ELEVE>\n");
        }
        sb.Append("</STRUCTURES><BOURSES/></DONNEES>\n</BEE_ELEVES>\n");
        return sb.ToString();
    }

    public static string Responsables(string uai, params (string PersonneId, string Nom, string Prenom, string EleveId)[] liens)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<BEE_RESPONSABLES VERSION=\"2.1\"><PARAMETRES><UAJ>{uai}</UAJ><ANNEE_SCOLAIRE>{AnneeCourante}</ANNEE_SCOLAIRE></PARAMETRES><DONNEES><PERSONNES>\n");
        foreach (var p in liens.DistinctBy(l => l.PersonneId))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<PERSONNE PERSONNE_ID=\"{p.PersonneId}\"><LC_CIVILITE>MME</LC_CIVILITE><NOM_DE_FAMILLE>{p.Nom}</NOM_DE_FAMILLE><PRENOM>{p.Prenom}</PRENOM><TEL_PORTABLE>0600000000</TEL_PORTABLE><MEL>parent@example.org</MEL><ADRESSE_ID>9</ADRESSE_ID></PERSONNE>\n");
        }
        sb.Append("</PERSONNES><RESPONSABLES>\n");
        foreach (var l in liens)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<RESPONSABLE_ELEVE><ELEVE_ID>{l.EleveId}</ELEVE_ID><PERSONNE_ID>{l.PersonneId}</PERSONNE_ID><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE><CODE_PARENTE>10</CODE_PARENTE></RESPONSABLE_ELEVE>\n");
        }
        sb.Append("</RESPONSABLES><ADRESSES><ADRESSE ADRESSE_ID=\"9\"><LIGNE1_ADRESSE>1 rue de la Paix</LIGNE1_ADRESSE></ADRESSE></ADRESSES></DONNEES></BEE_RESPONSABLES>\n");
        return sb.ToString();
    }

    public sealed record Individu(string Id, string Nom, string Prenom, string Fonction = "ENS", string? ProfPrincipalDe = null);

    public static string Sts(string uai, IEnumerable<Individu> individus, IEnumerable<(string Code, string Mef, string[] Enseignants)> divisions,
        IEnumerable<(string Code, string Division, string[] Enseignants)> groupes, int? annee = null)
    {
        var a = annee ?? AnneeCourante;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<STS_EDT><PARAMETRES><UAJ CODE=\"{uai}\"><ACADEMIE><CODE>05</CODE><LIBELLE>NORMANDIE</LIBELLE></ACADEMIE><DENOM_PRINC>LYCEE PROFESSIONNEL</DENOM_PRINC></UAJ>");
        sb.Append(CultureInfo.InvariantCulture, $"<ANNEE_SCOLAIRE ANNEE=\"{a}\"><DATE_DEBUT>{a}-09-01</DATE_DEBUT><DATE_FIN>{a + 1}-07-04</DATE_FIN></ANNEE_SCOLAIRE></PARAMETRES>\n");
        sb.Append("<NOMENCLATURES><MATIERES><MATIERE CODE=\"064000\"><CODE_GESTION>ELEC</CODE_GESTION><LIBELLE_COURT>ELEC</LIBELLE_COURT><LIBELLE_LONG>ÉLECTROTECHNIQUE</LIBELLE_LONG></MATIERE></MATIERES>");
        sb.Append("<MEFS><MEF CODE=\"24023302210\"><LIBELLE_COURT>2NDPRO</LIBELLE_COURT><LIBELLE_LONG>2NDPRO METIERS ELEC. ENVIRONNEMENTS CONNECTES</LIBELLE_LONG></MEF></MEFS></NOMENCLATURES>\n<DONNEES><INDIVIDUS>\n");
        foreach (var i in individus)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<INDIVIDU ID=\"{i.Id}\" TYPE=\"epp\"><SEXE>1</SEXE><CIVILITE>M.</CIVILITE><NOM_USAGE>{i.Nom}</NOM_USAGE><NOM_PATRONYMIQUE>{i.Nom}</NOM_PATRONYMIQUE><PRENOM>{i.Prenom}</PRENOM><DATE_NAISSANCE>1975-03-12</DATE_NAISSANCE><GRADE>PLP</GRADE><FONCTION>{i.Fonction}</FONCTION>");
            if (i.ProfPrincipalDe is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<PROFS_PRINC><PROF_PRINC><CODE_STRUCTURE>{i.ProfPrincipalDe}</CODE_STRUCTURE></PROF_PRINC></PROFS_PRINC>");
            }
            sb.Append("<DISCIPLINES><DISCIPLINE CODE=\"L6400\"><LIBELLE_COURT>GENIE ELECTRIQUE</LIBELLE_COURT></DISCIPLINE></DISCIPLINES></INDIVIDU>\n");
        }
        sb.Append("</INDIVIDUS><STRUCTURE><DIVISIONS>\n");
        foreach (var (code, mef, enseignants) in divisions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<DIVISION CODE=\"{code}\"><LIBELLE_LONG>Division {code}</LIBELLE_LONG><SERVICES><SERVICE CODE_MATIERE=\"064000\" CODE_MOD_COURS=\"CG\"><ENSEIGNANTS>");
            foreach (var e in enseignants)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<ENSEIGNANT ID=\"{e}\" TYPE=\"epp\"/>");
            }
            sb.Append(CultureInfo.InvariantCulture, $"</ENSEIGNANTS></SERVICE></SERVICES><MEFS_APPARTENANCE><MEF CODE=\"{mef}\"/></MEFS_APPARTENANCE></DIVISION>\n");
        }
        sb.Append("</DIVISIONS><GROUPES>\n");
        foreach (var (code, division, enseignants) in groupes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<GROUPE CODE=\"{code}\"><LIBELLE_LONG>Groupe {code}</LIBELLE_LONG><DIVISIONS_APPARTENANCE><DIVISION_APPARTENANCE CODE=\"{division}\"/></DIVISIONS_APPARTENANCE><SERVICES><SERVICE CODE_MATIERE=\"030201\"><ENSEIGNANTS>");
            foreach (var e in enseignants)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<ENSEIGNANT ID=\"{e}\" TYPE=\"epp\"/>");
            }
            sb.Append("</ENSEIGNANTS></SERVICE></SERVICES></GROUPE>\n");
        }
        sb.Append("</GROUPES></STRUCTURE></DONNEES></STS_EDT>\n");
        return sb.ToString();
    }

    /// <summary>The bytes of an XML text in the encoding it declares (ISO-8859-15 or UTF-8, with or without BOM).</summary>
    public static byte[] Octets(string xml, bool bom = false)
    {
        if (xml.Contains("encoding=\"UTF-8\"", StringComparison.Ordinal))
        {
            return [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(xml)];
        }
        return Encoding.GetEncoding("ISO-8859-15").GetBytes(xml);
    }

    public static MultipartFormDataContent Formulaire(params (string Nom, byte[] Contenu)[] fichiers)
    {
        var formulaire = new MultipartFormDataContent();
        foreach (var (nom, contenu) in fichiers)
        {
            var partie = new ByteArrayContent(contenu);
            partie.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
            formulaire.Add(partie, "files", nom);
        }
        return formulaire;
    }
}
