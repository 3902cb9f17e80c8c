namespace Cpro.Bilans.Domain;

/// <summary>A reminder the DDFTP (or the head) sent a division's teachers: the learners whose bilan of the period was
/// missing, who got it, and who was left out for having had one less than 24 hours before.</summary>
internal sealed class Relance
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Division { get; init; }
    public Guid PeriodeId { get; init; }
    public required string PeriodeLibelle { get; init; }
    public DateTimeOffset Le { get; init; }
    public required string Par { get; init; }
    public List<DestinataireRelance> Destinataires { get; init; } = [];
    /// <summary>Teachers already reminded less than 24 hours before: not sent again.</summary>
    public List<string> Ecartes { get; init; } = [];
    /// <summary>The learners listed, « Prénom NOM ».</summary>
    public List<string> Apprenants { get; init; } = [];
}

internal sealed class DestinataireRelance
{
    public Guid UtilisateurId { get; init; }
    public required string Nom { get; init; }
}

/// <summary>A reminder as the console lists it.</summary>
internal sealed record RelanceDto(Guid Id, string Division, Guid PeriodeId, string PeriodeLibelle, DateTimeOffset Le, string Par, IReadOnlyList<string> Destinataires,
    IReadOnlyList<string> Ecartes, IReadOnlyList<string> Apprenants)
{
    public static RelanceDto De(Relance r) =>
        new(r.Id, r.Division, r.PeriodeId, r.PeriodeLibelle, r.Le, r.Par, [.. r.Destinataires.Select(d => d.Nom)], r.Ecartes, r.Apprenants);
}
