namespace Cpro.Periodes.Domain;

/// <summary>The year's frame for a diploma and class level, set by the DDFTP: trimesters or semesters (as in Pronote),
/// PFMP slots and certification deadlines. Editable during the year, a level's set at once: its version is that of the set
/// (<see cref="Features.PeriodesOfficiellesNiveauDto.VersionDe"/>), not of one document, so no Marten revision here.</summary>
internal sealed class PeriodeOfficielle
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Referentiel { get; init; }
    public required string NiveauClasse { get; init; }
    /// <summary>The school year by the calendar year it starts in (2026 for 2026-2027).</summary>
    public int AnneeScolaire { get; init; }
    public TypePeriodeOfficielle Type { get; set; }
    /// <summary>« Trimestre 1 », « PFMP 2 », « Date limite CCF U31 »…</summary>
    public required string Libelle { get; set; }
    public DateOnly Debut { get; set; }
    /// <summary>Equal to <see cref="Debut"/> for a deadline.</summary>
    public DateOnly Fin { get; set; }
    public DateTimeOffset ModifieLe { get; set; }
    public required string ModifiePar { get; set; }
}

internal enum TypePeriodeOfficielle : short
{
    Trimestre = 0,
    Semestre = 1,
    Pfmp = 2,
    EcheanceCertification = 3,
}
