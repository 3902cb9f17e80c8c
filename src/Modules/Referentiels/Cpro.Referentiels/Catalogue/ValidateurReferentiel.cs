using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cpro.Kernel.Errors;
using Cpro.Referentiels.Contracts;

namespace Cpro.Referentiels.Catalogue;

/// <summary>A valid référentiel: its file, its canonical JSON and the version (SHA-256) of that JSON.</summary>
internal sealed record ReferentielValide(FichierReferentiel Fichier, string Contenu, string Version)
{
    public string Code => Fichier.Code!;
}

/// <summary>The outcome of reading a file: the référentiel, or every error found (French, each naming its path).</summary>
internal sealed record LectureReferentiel(ReferentielValide? Referentiel, IReadOnlyList<string> Erreurs);

/// <summary>Checks a référentiel file, shipped or imported, against format cpro-referentiel/1.</summary>
internal static partial class ValidateurReferentiel
{
    public const string Format = "cpro-referentiel/1";
    public const long TailleMax = 2 * 1024 * 1024;
    public const int CodeMax = 50;
    public const int IntituleMax = 300;

    /// <summary>Over <see cref="TailleMax"/> bytes: 413 before anything is parsed.</summary>
    public static LectureReferentiel Lire(byte[] octets)
    {
        if (octets.Length > TailleMax)
        {
            throw new TropVolumineuxException($"Le fichier dépasse la taille autorisée ({TailleMax / (1024 * 1024)} Mo).");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(octets);
        }
        catch (JsonException e)
        {
            return Refus($"Le fichier n'est pas un JSON valide (ligne {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Refus("Le fichier doit contenir un objet JSON.");
            }
            // The format first: the rest of a file in another format means nothing.
            var format = document.RootElement.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (format != Format)
            {
                return Refus($"format : format inconnu {(format is null ? "(absent)" : $"« {format} »")}, attendu « {Format} ».");
            }
            FichierReferentiel fichier;
            try
            {
                fichier = document.RootElement.Deserialize<FichierReferentiel>(FichierReferentiel.Json)!;
            }
            catch (JsonException e)
            {
                return Refus($"{Chemin(e.Path)} : valeur d'un type inattendu.");
            }
            var erreurs = new Verification(fichier).Erreurs;
            if (erreurs.Count > 0)
            {
                return new LectureReferentiel(null, erreurs);
            }
            var contenu = JsonSerializer.Serialize(fichier, FichierReferentiel.Json);
            var version = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(contenu)));
            return new LectureReferentiel(new ReferentielValide(fichier, contenu, version), []);
        }
    }

    /// <summary>The reader's path « $.blocs[0].code » as the report writes it: « blocs[0].code ».</summary>
    private static string Chemin(string? path) => path is null or "$" ? "(racine)" : path.TrimStart('$', '.');

    private static LectureReferentiel Refus(string erreur) => new(null, [erreur]);

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]*$")]
    private static partial Regex CodeReferentiel();

    /// <summary>One walk over the file, in document order, collecting every error.</summary>
    private sealed class Verification
    {
        public List<string> Erreurs { get; } = [];

        public Verification(FichierReferentiel f)
        {
            Entete(f);
            if (f.Famille is { } famille)
            {
                Obligatoire("famille.code", famille.Code);
                Obligatoire("famille.intitule", famille.Intitule);
            }
            var communes = Codes(Liste("famille.competencesCommunes", f.Famille?.CompetencesCommunes, null), c => c.Code, c => c.Intitule);
            var blocs = Liste("blocs", f.Blocs, "au moins un bloc est attendu");
            Codes(blocs, b => b.Code, b => b.Intitule);
            var activites = new List<(string Chemin, ActiviteFichier Activite, bool Transversale)>();
            foreach (var (chemin, bloc) in blocs)
            {
                activites.AddRange(Liste($"{chemin}.activites", bloc.Activites, "au moins une activité est attendue").Select(a => (a.Chemin, a.Element, false)));
            }
            activites.AddRange(Liste("activitesTransversales", f.ActivitesTransversales, null).Select(a => (a.Chemin, a.Element, true)));
            var codesActivites = Codes(activites.Select(a => (a.Chemin, a.Activite)), a => a.Code, a => a.Intitule);
            var taches = new List<(string Chemin, ElementFichier Tache)>();
            foreach (var (chemin, activite, transversale) in activites)
            {
                if (activite.Transversale is { } t && t != transversale)
                {
                    Erreurs.Add(transversale
                        ? $"{chemin}.transversale : une activité transversale doit valoir true."
                        : $"{chemin}.transversale : seules les activités transversales valent true.");
                }
                taches.AddRange(Liste($"{chemin}.taches", activite.Taches, null));
            }
            var codesTaches = Codes(taches, t => t.Code, t => t.Intitule);
            var competences = Liste("competences", f.Competences, "au moins une compétence est attendue");
            var codesCompetences = Codes(competences, c => c.Code, c => c.Intitule);

            foreach (var (chemin, activite, _) in activites)
            {
                foreach (var (reference, code) in References($"{chemin}.competences", activite.Competences))
                {
                    if (!codesCompetences.TryGetValue(code, out var competence))
                    {
                        Erreurs.Add($"{reference} : la compétence {code} n'existe pas.");
                    }
                    else if (activite.Code is { } a && !(competence.Activites ?? []).Contains(a))
                    {
                        Erreurs.Add($"{reference} : la compétence {code} ne cite pas l'activité {a}.");
                    }
                }
            }
            foreach (var (chemin, competence) in competences)
            {
                foreach (var (reference, code) in References($"{chemin}.activites", competence.Activites))
                {
                    if (!codesActivites.TryGetValue(code, out var activite))
                    {
                        Erreurs.Add($"{reference} : l'activité {code} n'existe pas.");
                    }
                    else if (competence.Code is { } c && !(activite.Competences ?? []).Contains(c))
                    {
                        Erreurs.Add($"{reference} : l'activité {code} ne cite pas la compétence {c}.");
                    }
                }
                foreach (var (reference, code) in References($"{chemin}.taches", competence.Taches).Where(r => !codesTaches.ContainsKey(r.Code)))
                {
                    Erreurs.Add($"{reference} : la tâche {code} n'existe pas.");
                }
                foreach (var (reference, code) in References($"{chemin}.competencesCommunes", competence.CompetencesCommunes).Where(r => !communes.ContainsKey(r.Code)))
                {
                    Erreurs.Add($"{reference} : la compétence commune {code} n'existe pas.");
                }
                Criteres(chemin, competence);
            }
        }

        private void Entete(FichierReferentiel f)
        {
            if (Obligatoire("code", f.Code) && (f.Code!.Length > CodeMax || !CodeReferentiel().IsMatch(f.Code)))
            {
                Erreurs.Add($"code : « {f.Code} » n'est pas un code valide (majuscules, chiffres, points, tirets ou soulignés, {CodeMax} caractères au plus).");
            }
            foreach (var (champ, valeur, max) in new[] { ("diplome", f.Diplome, 200), ("niveau", f.Niveau, CodeMax), ("intitule", f.Intitule, IntituleMax) })
            {
                if (Obligatoire(champ, valeur) && valeur!.Length > max)
                {
                    Erreurs.Add($"{champ} : {max} caractères au plus.");
                }
            }
            var niveaux = Liste("niveauxDeClasse", f.NiveauxDeClasse, "au moins un niveau de classe est attendu");
            foreach (var (chemin, niveau) in niveaux)
            {
                if (!NiveauClasse.Tous.Select(n => n.Code).Contains(niveau))
                {
                    Erreurs.Add($"{chemin} : niveau de classe inconnu « {niveau} » (attendus : {string.Join(", ", NiveauClasse.Tous.Select(n => n.Code))}).");
                }
            }
            foreach (var doublon in niveaux.GroupBy(n => n.Element).Where(g => g.Count() > 1))
            {
                Erreurs.Add($"{doublon.ElementAt(1).Chemin} : le niveau de classe {doublon.Key} figure plusieurs fois.");
            }
        }

        private void Criteres(string chemin, CompetenceFichier competence)
        {
            var criteres = competence.Criteres ?? [];
            // A competence no activity calls on (e.g. CIEL's C02 « Organiser ») is listed for its numbering only.
            if (criteres.Count == 0 && (competence.Activites ?? []).Count > 0)
            {
                Erreurs.Add($"{chemin}.criteres : au moins un critère d'évaluation est attendu.");
            }
            for (var i = 0; i < criteres.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(criteres[i]))
                {
                    Erreurs.Add($"{chemin}.criteres[{i}] : critère vide.");
                }
            }
        }

        /// <summary>Whether the value is there; says so when it is not.</summary>
        private bool Obligatoire(string chemin, string? valeur)
        {
            if (!string.IsNullOrWhiteSpace(valeur))
            {
                return true;
            }
            Erreurs.Add($"{chemin} : obligatoire.");
            return false;
        }

        /// <summary>The non-null items of a list with their paths; a missing list, or an empty one when <paramref name="videInterdit"/>
        /// says why it may not be, and each null item are errors.</summary>
        private List<(string Chemin, T Element)> Liste<T>(string chemin, List<T?>? liste, string? videInterdit)
            where T : class
        {
            if (liste is null || liste.Count == 0)
            {
                if (videInterdit is not null)
                {
                    Erreurs.Add($"{chemin} : {videInterdit}.");
                }
                return [];
            }
            var elements = new List<(string, T)>();
            for (var i = 0; i < liste.Count; i++)
            {
                if (liste[i] is { } element)
                {
                    elements.Add(($"{chemin}[{i}]", element));
                }
                else
                {
                    Erreurs.Add($"{chemin}[{i}] : élément vide.");
                }
            }
            return elements;
        }

        /// <summary>The codes a list refers to, with their paths; an empty reference or one given twice is an error.</summary>
        private List<(string Chemin, string Code)> References(string chemin, List<string?>? codes)
        {
            var references = new List<(string, string)>();
            var vus = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < (codes?.Count ?? 0); i++)
            {
                var code = codes![i];
                if (string.IsNullOrWhiteSpace(code))
                {
                    Erreurs.Add($"{chemin}[{i}] : référence vide.");
                }
                else if (!vus.Add(code))
                {
                    Erreurs.Add($"{chemin}[{i}] : {code} figure plusieurs fois.");
                }
                else
                {
                    references.Add(($"{chemin}[{i}]", code));
                }
            }
            return references;
        }

        /// <summary>Elements by code: each needs a code and a wording, and a code is used once.</summary>
        private Dictionary<string, T> Codes<T>(IEnumerable<(string Chemin, T Element)> elements, Func<T, string?> code,
            Func<T, string?> intitule)
        {
            var parCode = new Dictionary<string, (string Chemin, T Element)>(StringComparer.Ordinal);
            foreach (var (c, element) in elements)
            {
                Obligatoire($"{c}.intitule", intitule(element));
                if (!Obligatoire($"{c}.code", code(element)))
                {
                    continue;
                }
                if (parCode.TryGetValue(code(element)!, out var premier))
                {
                    Erreurs.Add($"{c}.code : le code {code(element)} est déjà celui de {premier.Chemin}.");
                }
                else
                {
                    parCode[code(element)!] = (c, element);
                }
            }
            return parCode.ToDictionary(p => p.Key, p => p.Value.Element, StringComparer.Ordinal);
        }
    }
}
