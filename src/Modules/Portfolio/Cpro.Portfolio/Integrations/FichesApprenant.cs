using Cpro.Kernel.Persistence;
using Cpro.Periodes.Contracts;
using Cpro.Portfolio.Contracts;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;

namespace Cpro.Portfolio.Integrations;

/// <summary>Answers Book: a learner's fiches activités, in the establishment it names, each with its period's company
/// (asked of Periodes, once per period).</summary>
internal sealed class FichesApprenant(IQuerySession session, IMediator mediator) : IQueryHandler<ListerFichesActivitesApprenant, IReadOnlyList<FicheActiviteApprenant>>
{
    public async ValueTask<IReadOnlyList<FicheActiviteApprenant>> Handle(ListerFichesActivitesApprenant query, CancellationToken cancellationToken)
    {
        var fiches = await session.PourEtablissement(query.EtablissementId).Query<FicheActivite>()
            .Where(f => f.ApprenantId == query.ApprenantId).OrderByDescending(f => f.Debut).ToListAsync(cancellationToken);
        var entreprises = new Dictionary<Guid, string?>();
        foreach (var periode in fiches.Select(f => f.PeriodeId).Distinct())
        {
            entreprises[periode] = (await mediator.Send(new ObtenirApprenantEnEntreprise(query.EtablissementId, periode, query.ApprenantId), cancellationToken))
                ?.Apprenants is [var affectation, ..] ? affectation.EntrepriseNom : null;
        }
        return [.. fiches.Select(f => new FicheActiviteApprenant(f.Id, f.Titre, f.Debut, f.Fin, entreprises.GetValueOrDefault(f.PeriodeId), f.Contexte, f.Realisation,
            f.Statut == StatutFiche.Soumise, f.Items))];
    }
}
