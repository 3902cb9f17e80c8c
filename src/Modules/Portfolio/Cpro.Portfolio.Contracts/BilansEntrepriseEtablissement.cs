using Mediator;

namespace Cpro.Portfolio.Contracts;

/// <summary>Every finalised bilan en entreprise of the establishment, as (period, learner): the console de pilotage (Bilans)
/// counts the company periods ended without one.</summary>
public sealed record ListerBilansEntrepriseFinalisesEtablissement(Guid EtablissementId) : IQuery<IReadOnlyList<BilanEntrepriseFinalise>>;

public sealed record BilanEntrepriseFinalise(Guid PeriodeId, Guid ApprenantId);
