using Cpro.Kernel.Errors;
using Marten;

namespace Cpro.Scenarios.Domain;

/// <summary>A scenario given to learners at a date, and its grid: the learners × the scenario's compétences (or critères)
/// as they were when it was created. The document is the projection of the evaluation's event stream (same id), written
/// with each event (<see cref="ProjectionGrille"/>), so that reading a grid is one document load.</summary>
internal sealed class Evaluation
{
    public const string ModeCompetences = "competences";
    public const string ModeCriteres = "criteres";

    public Guid Id { get; init; }
    public Guid ScenarioId { get; init; }
    public required string Titre { get; init; }
    public required string Referentiel { get; init; }
    public required string NiveauClasse { get; init; }
    public DateOnly Date { get; init; }
    public Guid EnseignantId { get; init; }
    public required string EnseignantNom { get; init; }
    public required string Mode { get; init; }
    /// <summary>Competence or criterion codes, in the référentiel's order.</summary>
    public List<string> Items { get; init; } = [];
    /// <summary>The grid's rows, in the order of the level's list.</summary>
    public List<Guid> Apprenants { get; init; } = [];
    public DateTimeOffset CreeLe { get; init; }
    /// <summary>How many saves the grid had: its stream's version but the creation. A save made from an older version
    /// is refused (409).</summary>
    public int VersionGrille { get; set; }
    /// <summary>Every cell ever given a level or a comment (one positioning per learner and item).</summary>
    public List<Positionnement> Cellules { get; set; } = [];

    public static Evaluation Creer(Guid id, EvaluationCreee creation) => new()
    {
        Id = id, ScenarioId = creation.ScenarioId, Titre = creation.Titre, Referentiel = creation.Referentiel, NiveauClasse = creation.NiveauClasse,
        Date = creation.Date, EnseignantId = creation.EnseignantId, EnseignantNom = creation.EnseignantNom, Mode = creation.Mode,
        Items = [.. creation.Items], Apprenants = [.. creation.Apprenants], CreeLe = creation.CreeLe,
    };

    /// <summary>A save: its cells take their new values; <paramref name="versionFlux"/> is the stream's version after it.</summary>
    public void Appliquer(GrilleEnregistree enregistrement, long versionFlux)
    {
        var cellules = Cellules.ToDictionary(c => (c.ApprenantId, c.Item));
        foreach (var changement in enregistrement.Cellules)
        {
            if (!cellules.TryGetValue((changement.ApprenantId, changement.Item), out var cellule))
            {
                cellule = new Positionnement
                {
                    ApprenantId = changement.ApprenantId, Item = changement.Item, Competence = CompetenceDe(Mode, changement.Item),
                    ModifiePar = enregistrement.Auteur,
                };
                Cellules.Add(cellule);
                cellules.Add((cellule.ApprenantId, cellule.Item), cellule);
            }
            cellule.Niveau = changement.Niveau;
            cellule.Commentaire = changement.Commentaire;
            cellule.ModifieLe = enregistrement.Le;
            cellule.ModifiePar = enregistrement.Auteur;
        }
        VersionGrille = (int)versionFlux - 1;
    }

    /// <summary>The competence an item counts for: itself, or a criterion's, whose code is the competence's and a rank
    /// (« C1.3 » counts for C1).</summary>
    public static string CompetenceDe(string mode, string item) =>
        mode == ModeCriteres && item.LastIndexOf('.') is > 0 and var point ? item[..point] : item;

    /// <summary>An evaluation of the user's establishment (the session's), or 404.</summary>
    public static async Task<Evaluation> TrouverAsync(IQuerySession session, Guid id, CancellationToken cancellationToken) =>
        await session.LoadAsync<Evaluation>(id, cancellationToken) ?? throw new IntrouvableException("Évaluation introuvable.");
}

/// <summary>One level given to one learner on one competence or criterion of an evaluation: a cell of its grid.</summary>
internal sealed class Positionnement
{
    public Guid ApprenantId { get; init; }
    public required string Item { get; init; }
    /// <summary>The competence the item counts for (itself, or a criterion's competence).</summary>
    public required string Competence { get; init; }
    public NiveauMaitrise Niveau { get; set; }
    public string? Commentaire { get; set; }
    public DateTimeOffset ModifieLe { get; set; }
    public required string ModifiePar { get; set; }
}

/// <summary>An evaluation in a list: what it is, not its cells.</summary>
internal sealed record EvaluationResume(Guid Id, Guid ScenarioId, string Titre, DateOnly Date, string EnseignantNom, string Mode, int Apprenants, int Items)
{
    public static EvaluationResume De(EvaluationCreee e, Guid id) => new(id, e.ScenarioId, e.Titre, e.Date, e.EnseignantNom, e.Mode, e.Apprenants.Count, e.Items.Count);
}

/// <summary>The official four degrees, plus « non évalué » and « absent », which count for no synthesis.</summary>
internal enum NiveauMaitrise : short
{
    NonEvalue = 0,
    NonMaitrise = 1,
    InsuffisammentMaitrise = 2,
    Maitrise = 3,
    BienMaitrise = 4,
    Absent = 9,
}

internal static class NiveauxMaitrise
{
    public static bool EstDegre(this NiveauMaitrise niveau) => niveau is >= NiveauMaitrise.NonMaitrise and <= NiveauMaitrise.BienMaitrise;

    public static string Libelle(this NiveauMaitrise niveau) => niveau switch
    {
        NiveauMaitrise.NonMaitrise => "1 Non maîtrisé",
        NiveauMaitrise.InsuffisammentMaitrise => "2 Insuffisamment maîtrisé",
        NiveauMaitrise.Maitrise => "3 Maîtrisé",
        NiveauMaitrise.BienMaitrise => "4 Bien maîtrisé",
        NiveauMaitrise.Absent => "Absent",
        _ => "Non évalué",
    };

    /// <summary>The value in the API and the grid: "1"…"4", "NE", "ABS".</summary>
    public static string Code(this NiveauMaitrise niveau) => niveau switch
    {
        NiveauMaitrise.Absent => "ABS",
        NiveauMaitrise.NonEvalue => "NE",
        _ => ((short)niveau).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static NiveauMaitrise? Lire(string? code) => code?.Trim().ToUpperInvariant() switch
    {
        "1" => NiveauMaitrise.NonMaitrise,
        "2" => NiveauMaitrise.InsuffisammentMaitrise,
        "3" => NiveauMaitrise.Maitrise,
        "4" => NiveauMaitrise.BienMaitrise,
        "NE" or "" or null => NiveauMaitrise.NonEvalue,
        "ABS" => NiveauMaitrise.Absent,
        _ => null,
    };
}
