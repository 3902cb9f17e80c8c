using Cpro.Kernel.Persistence;
using Cpro.Portfolio.Contracts;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;

namespace Cpro.Portfolio.Integrations;

/// <summary>Answers the console de pilotage (Bilans): the finalised bilans en entreprise of the establishment it names, in
/// one query projected in the database.</summary>
internal sealed class BilansEtablissement(IQuerySession session)
    : IQueryHandler<ListerBilansEntrepriseFinalisesEtablissement, IReadOnlyList<Contracts.BilanEntrepriseFinalise>>
{
    public async ValueTask<IReadOnlyList<Contracts.BilanEntrepriseFinalise>> Handle(ListerBilansEntrepriseFinalisesEtablissement query, CancellationToken cancellationToken) =>
        [.. (await session.PourEtablissement(query.EtablissementId).Query<BilanEntreprise>().Where(b => b.FinaliseLe != null)
                .Select(b => new { b.PeriodeId, b.ApprenantId }).ToListAsync(cancellationToken))
            .Select(b => new Contracts.BilanEntrepriseFinalise(b.PeriodeId, b.ApprenantId))];
}
