using Cpro.Kernel.Persistence;

namespace Cpro.Scenarios.Domain;

/// <summary>A scenario given to learners at a date: its grid is the learners × the scenario's compétences (or
/// critères) as they were when it was created.</summary>
internal sealed class Evaluation : IEtablissementOwned
{
    public const string ModeCompetences = "competences";
    public const string ModeCriteres = "criteres";

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EtablissementId { get; set; }
    public Guid ScenarioId { get; init; }
    public required string Titre { get; init; }
    public required string Referentiel { get; init; }
    public required string NiveauClasse { get; init; }
    public DateOnly Date { get; set; }
    public Guid EnseignantId { get; init; }
    public required string EnseignantNom { get; init; }
    public required string Mode { get; init; }
    /// <summary>Competence or criterion codes, in the référentiel's order.</summary>
    public List<string> Items { get; init; } = [];
    public List<Guid> Apprenants { get; init; } = [];
    public DateTimeOffset CreeLe { get; init; }
    /// <summary>Raised by every save of the grid: a save made from an older version is refused (409).</summary>
    public int VersionGrille { get; set; }
}

/// <summary>One level given to one learner on one competence or criterion of an evaluation.</summary>
internal sealed class Positionnement : IEtablissementOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EtablissementId { get; set; }
    public Guid EvaluationId { get; init; }
    public Guid ApprenantId { get; init; }
    public required string Item { get; init; }
    /// <summary>The competence the item counts for (itself, or a criterion's competence).</summary>
    public required string Competence { get; init; }
    public required NiveauMaitrise Niveau { get; set; }
    public string? Commentaire { get; set; }
    public DateOnly Date { get; set; }
    public int VersionGrille { get; set; }
    public DateTimeOffset ModifieLe { get; set; }
    public required string ModifiePar { get; set; }
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

/// <summary>The establishment's choice of how a learner's positionings on a competence make one level.</summary>
internal sealed class ParametresSuivi : IEtablissementOwned
{
    public Guid EtablissementId { get; set; }
    public RegleSynthese Regle { get; set; }
}

internal enum RegleSynthese : short
{
    PlusRecent = 0,
    Meilleur = 1,
    MoyenneArrondie = 2,
    PlusFrequent = 3,
}
