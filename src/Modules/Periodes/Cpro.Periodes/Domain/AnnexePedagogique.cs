using JasperFx;

namespace Cpro.Periodes.Domain;

/// <summary>A teacher's template, of the establishment the document belongs to (its tenant), of a company period for a référentiel and class level: title, whether it is for
/// apprentices, objectives, and the activities and tasks picked from the référentiel. Kept from year to year;
/// periods copy what they need, so deleting an annex never deletes a period.</summary>
internal sealed class AnnexePedagogique : IRevisioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Referentiel { get; init; }
    public required string NiveauClasse { get; set; }
    public required string Titre { get; set; }
    public bool PourApprentis { get; set; }
    public string? Objectifs { get; set; }
    public List<string> Activites { get; set; } = [];
    public List<string> Taches { get; set; } = [];
    public Guid AuteurId { get; init; }
    public required string AuteurNom { get; init; }
    public DateTimeOffset CreeLe { get; init; }
    public DateTimeOffset ModifieLe { get; set; }
    /// <summary>Marten's numeric revision: an edit from a stale copy gets a conflict.</summary>
    public int Version { get; set; }
}
