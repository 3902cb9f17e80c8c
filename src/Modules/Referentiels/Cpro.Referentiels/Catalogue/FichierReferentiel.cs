using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cpro.Referentiels.Catalogue;

/// <summary>A référentiel file, format cpro-referentiel/1, as read: everything may be missing until
/// <see cref="ValidateurReferentiel"/> says otherwise. Unknown members are ignored and dropped from the canonical form.</summary>
internal sealed record FichierReferentiel(
    string? Format, string? Code, string? Diplome, string? Niveau, string? Intitule, FamilleFichier? Famille,
    List<string?>? NiveauxDeClasse, List<BlocFichier?>? Blocs, List<ActiviteFichier?>? ActivitesTransversales,
    List<CompetenceFichier?>? Competences, List<SourceFichier?>? Sources)
{
    /// <summary>How files are read and how their canonical form is written (compact, members in declaration order,
    /// accents unescaped): the same content always gives the same bytes, hence the same version.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The blocs' activities, then the transversal ones.</summary>
    [JsonIgnore]
    public IEnumerable<ActiviteFichier> Activites =>
        (Blocs ?? []).SelectMany(b => b?.Activites ?? []).Concat(ActivitesTransversales ?? []).OfType<ActiviteFichier>();
}

internal sealed record FamilleFichier(string? Code, string? Intitule, List<ElementFichier?>? CompetencesCommunes);

/// <summary>A tâche or a compétence commune: a code and its wording.</summary>
internal sealed record ElementFichier(string? Code, string? Intitule);

internal sealed record BlocFichier(string? Code, string? Intitule, List<ActiviteFichier?>? Activites);

/// <summary><see cref="Transversale"/> must agree with where the activity is (a bloc or the transversal ones).</summary>
internal sealed record ActiviteFichier(string? Code, string? Intitule, bool? Transversale, List<ElementFichier?>? Taches, List<string?>? Competences);

internal sealed record CompetenceFichier(string? Code, string? Intitule, List<string?>? CompetencesCommunes, List<string?>? Activites,
    List<string?>? Taches, List<string?>? Criteres);

internal sealed record SourceFichier(string? Titre, string? Organisme, string? Url);
