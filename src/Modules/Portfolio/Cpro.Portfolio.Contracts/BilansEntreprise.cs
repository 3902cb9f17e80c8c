using Mediator;

namespace Cpro.Portfolio.Contracts;

/// <summary>The learners of a company period whose bilan en entreprise is finalised: what deleting the period, or taking
/// them off it, would lose. Asked by Periodes before it deletes.</summary>
public sealed record ListerBilansFinalises(Guid EtablissementId, Guid PeriodeId) : IQuery<IReadOnlyList<Guid>>;
