using System.Diagnostics;
using System.Globalization;
using System.Xml;
using Npgsql;
using NpgsqlTypes;

namespace Cpro.Bench;

/// <summary>The bare baseline: the same files parsed with a plain XmlReader and the same rows written by binary COPY
/// into plain tables of a scratch schema. No checks, no comparison, no accounts: the floor an import cannot beat.</summary>
internal static class Reference
{
    private const string Schema = "bench_reference";

    public static async Task CreerTablesAsync(NpgsqlDataSource source)
    {
        await using var commande = source.CreateCommand($"""
            DROP SCHEMA IF EXISTS {Schema} CASCADE;
            CREATE SCHEMA {Schema};
            CREATE TABLE {Schema}.apprenants (id uuid PRIMARY KEY, eleve_id varchar(20) NOT NULL, ine varchar(11), nom varchar(100) NOT NULL,
                prenom varchar(100) NOT NULL, date_naissance date, sexe varchar(1), mef varchar(11), statut varchar(20) NOT NULL,
                division varchar(50), groupes text[] NOT NULL, date_entree date, date_sortie date);
            CREATE TABLE {Schema}.responsables (id uuid PRIMARY KEY, personne_id varchar(20) NOT NULL, civilite varchar(10),
                nom varchar(100) NOT NULL, prenom varchar(100) NOT NULL, liens text[] NOT NULL);
            CREATE TABLE {Schema}.personnels (id uuid PRIMARY KEY, sts_id varchar(20) NOT NULL, civilite varchar(10), nom varchar(100) NOT NULL,
                prenom varchar(100) NOT NULL, date_naissance date, fonction varchar(10), disciplines text[] NOT NULL);
            CREATE TABLE {Schema}.structures (id uuid PRIMARY KEY, type varchar(1) NOT NULL, code varchar(50) NOT NULL, libelle varchar(200),
                appartenances text[] NOT NULL, services text[] NOT NULL);
            """);
        await commande.ExecuteNonQueryAsync();
    }

    /// <summary>One run: parse the three files, then COPY every row in one transaction. Returns its duration.</summary>
    public static async Task<TimeSpan> ExecuterAsync(NpgsqlDataSource source, IReadOnlyList<(string Nom, byte[] Contenu)> fichiers)
    {
        await using (var vider = source.CreateCommand($"TRUNCATE {Schema}.apprenants, {Schema}.responsables, {Schema}.personnels, {Schema}.structures"))
        {
            await vider.ExecuteNonQueryAsync();
        }
        var chrono = Stopwatch.StartNew();
        var lu = new Lu();
        foreach (var (_, contenu) in fichiers)
        {
            Lire(contenu, lu);
        }
        await using var connexion = await source.OpenConnectionAsync();
        await using var transaction = await connexion.BeginTransactionAsync();
        await CopierAsync(connexion, "apprenants (id, eleve_id, ine, nom, prenom, date_naissance, sexe, mef, statut, division, groupes, date_entree, date_sortie)",
            lu.Apprenants, async (copie, a) =>
            {
                await copie.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await Texte(copie, a.GetValueOrDefault("@ELEVE_ID"));
                await Texte(copie, a.GetValueOrDefault("ID_NATIONAL"));
                await Texte(copie, a.GetValueOrDefault("NOM_DE_FAMILLE"));
                await Texte(copie, a.GetValueOrDefault("PRENOM"));
                await Date(copie, a.GetValueOrDefault("DATE_NAISS"), "dd/MM/yyyy");
                await Texte(copie, a.GetValueOrDefault("CODE_SEXE") == "1" ? "M" : "F");
                await Texte(copie, a.GetValueOrDefault("CODE_MEF"));
                await Texte(copie, a.GetValueOrDefault("CODE_STATUT"));
                var structures = lu.Structures.TryGetValue(a["@ELEVE_ID"], out var s) ? s : (null, []);
                await Texte(copie, structures.Division);
                await copie.WriteAsync(structures.Groupes, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await Date(copie, a.GetValueOrDefault("DATE_ENTREE"), "dd/MM/yyyy");
                await Date(copie, a.GetValueOrDefault("DATE_SORTIE"), "dd/MM/yyyy");
            });
        await CopierAsync(connexion, "responsables (id, personne_id, civilite, nom, prenom, liens)", lu.Personnes, async (copie, p) =>
        {
            await copie.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
            await Texte(copie, p.GetValueOrDefault("@PERSONNE_ID"));
            await Texte(copie, p.GetValueOrDefault("LC_CIVILITE"));
            await Texte(copie, p.GetValueOrDefault("NOM_DE_FAMILLE"));
            await Texte(copie, p.GetValueOrDefault("PRENOM"));
            await copie.WriteAsync(lu.Liens.GetValueOrDefault(p["@PERSONNE_ID"]) ?? [], NpgsqlDbType.Array | NpgsqlDbType.Text);
        });
        await CopierAsync(connexion, "personnels (id, sts_id, civilite, nom, prenom, date_naissance, fonction, disciplines)", lu.Individus, async (copie, i) =>
        {
            await copie.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
            await Texte(copie, i.Champs.GetValueOrDefault("@ID"));
            await Texte(copie, i.Champs.GetValueOrDefault("CIVILITE"));
            await Texte(copie, i.Champs.GetValueOrDefault("NOM_USAGE"));
            await Texte(copie, i.Champs.GetValueOrDefault("PRENOM"));
            await Date(copie, i.Champs.GetValueOrDefault("DATE_NAISSANCE"), "yyyy-MM-dd");
            await Texte(copie, i.Champs.GetValueOrDefault("FONCTION"));
            await copie.WriteAsync(i.Listes, NpgsqlDbType.Array | NpgsqlDbType.Text);
        });
        await CopierAsync(connexion, "structures (id, type, code, libelle, appartenances, services)", lu.Divisions, async (copie, s) =>
        {
            await copie.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
            await Texte(copie, s.Type);
            await Texte(copie, s.Code);
            await Texte(copie, s.Libelle);
            await copie.WriteAsync(s.Appartenances, NpgsqlDbType.Array | NpgsqlDbType.Text);
            await copie.WriteAsync(s.Services, NpgsqlDbType.Array | NpgsqlDbType.Text);
        });
        await transaction.CommitAsync();
        return chrono.Elapsed;
    }

    private static async Task CopierAsync<T>(NpgsqlConnection connexion, string table, List<T> lignes, Func<NpgsqlBinaryImporter, T, Task> ecrire)
    {
        await using var copie = await connexion.BeginBinaryImportAsync($"COPY {Schema}.{table} FROM STDIN (FORMAT BINARY)");
        foreach (var ligne in lignes)
        {
            await copie.StartRowAsync();
            await ecrire(copie, ligne);
        }
        await copie.CompleteAsync();
    }

    private static Task Texte(NpgsqlBinaryImporter copie, string? valeur) =>
        valeur is null ? copie.WriteNullAsync() : copie.WriteAsync(valeur, NpgsqlDbType.Varchar);

    private static Task Date(NpgsqlBinaryImporter copie, string? valeur, string format) =>
        valeur is null ? copie.WriteNullAsync() : copie.WriteAsync(DateOnly.ParseExact(valeur, format, CultureInfo.InvariantCulture), NpgsqlDbType.Date);

    private sealed class Lu
    {
        public List<Dictionary<string, string>> Apprenants { get; } = [];
        public Dictionary<string, (string? Division, List<string> Groupes)> Structures { get; } = [];
        public List<Dictionary<string, string>> Personnes { get; } = [];
        public Dictionary<string, List<string>> Liens { get; } = [];
        public List<(Dictionary<string, string> Champs, List<string> Listes)> Individus { get; } = [];
        public List<(string Type, string Code, string? Libelle, List<string> Appartenances, List<string> Services)> Divisions { get; } = [];
    }

    /// <summary>Streams one file; each record becomes its leaf texts and attributes, in document order
    /// ("ELEMENT" for a text, "ELEMENT@ATTRIBUT" for an attribute).</summary>
    private static void Lire(byte[] contenu, Lu lu)
    {
        using var flux = new MemoryStream(contenu, writable: false);
        using var reader = XmlReader.Create(flux, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
        var champs = new List<(string Cle, string Valeur)>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName is not ("ELEVE" or "STRUCTURES_ELEVE" or "PERSONNE" or "RESPONSABLE_ELEVE" or "INDIVIDU" or "DIVISION" or "GROUPE"))
            {
                continue;
            }
            var nom = reader.LocalName;
            champs.Clear();
            using (var sousArbre = reader.ReadSubtree())
            {
                Aplatir(sousArbre, champs);
            }
            Ranger(nom, champs, lu);
        }
    }

    private static void Aplatir(XmlReader reader, List<(string, string)> champs)
    {
        var element = "";
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    element = reader.LocalName;
                    if (reader.HasAttributes)
                    {
                        while (reader.MoveToNextAttribute())
                        {
                            champs.Add(($"{element}@{reader.LocalName}", reader.Value));
                        }
                        reader.MoveToElement();
                    }
                    break;
                case XmlNodeType.Text:
                    champs.Add((element, reader.Value));
                    break;
            }
        }
    }

    private static void Ranger(string nom, List<(string Cle, string Valeur)> champs, Lu lu)
    {
        switch (nom)
        {
            case "ELEVE":
                lu.Apprenants.Add(Dictionnaire(champs, "ELEVE"));
                break;
            case "STRUCTURES_ELEVE":
                string? code = null, division = null;
                var groupes = new List<string>();
                foreach (var (cle, valeur) in champs)
                {
                    switch (cle, valeur)
                    {
                        case ("CODE_STRUCTURE", _):
                            code = valeur;
                            break;
                        case ("TYPE_STRUCTURE", "D"):
                            division = code;
                            break;
                        case ("TYPE_STRUCTURE", "G"):
                            groupes.Add(code!);
                            break;
                    }
                }
                lu.Structures[champs[0].Valeur] = (division, groupes);
                break;
            case "PERSONNE":
                lu.Personnes.Add(Dictionnaire(champs, "PERSONNE"));
                break;
            case "RESPONSABLE_ELEVE":
                var lien = Dictionnaire(champs, "RESPONSABLE_ELEVE");
                var personne = lien["PERSONNE_ID"];
                if (!lu.Liens.TryGetValue(personne, out var liens))
                {
                    lu.Liens[personne] = liens = [];
                }
                liens.Add($"{lien["ELEVE_ID"]}:{lien.GetValueOrDefault("NIVEAU_RESPONSABILITE")}:{lien.GetValueOrDefault("CODE_PARENTE")}");
                break;
            case "INDIVIDU":
                lu.Individus.Add((Dictionnaire(champs, "INDIVIDU"), [.. champs.Where(c => c.Cle == "DISCIPLINE@CODE").Select(c => c.Valeur)]));
                break;
            default:
                var services = new List<string>();
                string matiere = "", modalite = "";
                foreach (var (cle, valeur) in champs)
                {
                    switch (cle)
                    {
                        case "SERVICE@CODE_MATIERE":
                            (matiere, modalite) = (valeur, "");
                            break;
                        case "SERVICE@CODE_MOD_COURS":
                            modalite = valeur;
                            break;
                        case "ENSEIGNANT@ID":
                            services.Add($"{matiere}:{modalite}:{valeur}");
                            break;
                    }
                }
                var appartenance = nom == "DIVISION" ? "MEF@CODE" : "DIVISION_APPARTENANCE@CODE";
                lu.Divisions.Add((nom == "DIVISION" ? "D" : "G", champs[0].Valeur, champs.FirstOrDefault(c => c.Cle == "LIBELLE_LONG").Valeur,
                    [.. champs.Where(c => c.Cle == appartenance).Select(c => c.Valeur)], services));
                break;
        }
    }

    /// <summary>The record's own attributes as "@NAME", its children's texts by element name.</summary>
    private static Dictionary<string, string> Dictionnaire(List<(string Cle, string Valeur)> champs, string racine)
    {
        var prefixe = racine + "@";
        var resultat = new Dictionary<string, string>(champs.Count);
        foreach (var (cle, valeur) in champs)
        {
            resultat[cle.StartsWith(prefixe, StringComparison.Ordinal) ? cle[racine.Length..] : cle] = valeur;
        }
        return resultat;
    }
}
