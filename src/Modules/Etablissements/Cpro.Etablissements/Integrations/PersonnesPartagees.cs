using Cpro.Etablissements.Contracts;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;

namespace Cpro.Etablissements.Integrations;

/// <summary>Names accounts for other modules' pages; kept briefly (a portfolio's page names its learner and referents each
/// time it is opened).</summary>
internal sealed class PersonnesPartagees(IQuerySession session, UnitOfWork unitOfWork, StructuresEnCache cache)
    : IQueryHandler<ObtenirPersonnes, IReadOnlyList<PersonneEtablissement>>
{
    public async ValueTask<IReadOnlyList<PersonneEtablissement>> Handle(ObtenirPersonnes query, CancellationToken cancellationToken)
    {
        var ids = query.UtilisateurIds.Distinct().Order().ToList();
        return ids.Count == 0
            ? []
            : await cache.LireAsync<IReadOnlyList<PersonneEtablissement>>(unitOfWork, $"personnes/{query.EtablissementId}/{string.Join(',', ids)}", async () =>
                [.. (await session.PourEtablissement(query.EtablissementId).Query<Utilisateur>().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken))
                    .Select(u => new PersonneEtablissement(u.Id, u.Nom, u.Prenom))]);
    }
}
