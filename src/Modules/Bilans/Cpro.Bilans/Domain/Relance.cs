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
