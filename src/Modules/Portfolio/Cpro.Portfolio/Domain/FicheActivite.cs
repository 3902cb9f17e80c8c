using JasperFx;

namespace Cpro.Portfolio.Domain;

/// <summary>One activity the learner describes during a company period: what, when, where, the period's tasks it covered,
/// photos or documents (<see cref="PieceJointe"/>). Editable by the learner until submitted; then each referent teacher
/// reviews it: keeps, removes or adds tasks, and picks the competences (or criteria) to evaluate, which go into the
/// learner's bilan en entreprise for the period.</summary>
internal sealed class FicheActivite : IRevisioned, ITraceSuivi
{
    /// <summary>Given by whoever creates it: an initialiser would draw a Guid again at every read of the page.</summary>
    public required Guid Id { get; init; }
    public Guid PeriodeId { get; init; }
    public Guid ApprenantId { get; init; }
    public required string Titre { get; set; }
    public DateOnly Debut { get; set; }
    /// <summary>For an activity over several days.</summary>
    public DateOnly? Fin { get; set; }
    /// <summary>« Lieu et contexte »: where in the company, for whom, with whom.</summary>
    public string? Contexte { get; set; }
    /// <summary>« Ce que j'ai fait ».</summary>
    public string? Realisation { get; set; }
    /// <summary>The period's tasks the learner ticked.</summary>
    public List<string> Taches { get; set; } = [];
    public StatutFiche Statut { get; set; }
    public DateTimeOffset? SoumiseLe { get; set; }
    /// <summary>The tasks the referent retained (null until reviewed).</summary>
    public List<string>? TachesRetenues { get; set; }
    /// <summary>The competences or criteria the referent chose to evaluate, copied into the bilan en entreprise.</summary>
    public List<string> Items { get; set; } = [];
    public DateTimeOffset? RevueLe { get; set; }
    public string? RevuePar { get; set; }
    public DateTimeOffset CreeLe { get; init; }
    public DateTimeOffset ModifieLe { get; set; }
    /// <summary>Who saved it last, named in a conflict.</summary>
    public required string ModifiePar { get; set; }
    /// <summary>Marten's numeric revision: a write from a stale copy gets a conflict.</summary>
    public int Version { get; set; }
}

internal enum StatutFiche : short
{
    Brouillon = 0,
    Soumise = 1,
}
