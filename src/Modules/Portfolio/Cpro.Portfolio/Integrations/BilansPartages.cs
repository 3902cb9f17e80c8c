using Cpro.Kernel.Persistence;
using Cpro.Portfolio.Contracts;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;

namespace Cpro.Portfolio.Integrations;

/// <summary>Answers Periodes before it deletes a period or takes learners off it: whose bilan en entreprise is finalised,
/// in the establishment it names.</summary>
internal sealed class BilansPartages(IQuerySession session) : IQueryHandler<ListerBilansFinalises, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(ListerBilansFinalises query, CancellationToken cancellationToken) =>
        await session.PourEtablissement(query.EtablissementId).Query<BilanEntreprise>()
            .Where(b => b.PeriodeId == query.PeriodeId && b.FinaliseLe != null)
            .Select(b => b.ApprenantId).ToListAsync(cancellationToken);
}
