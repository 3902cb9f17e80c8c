using Cpro.Etablissements.Contracts;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;

namespace Cpro.Etablissements.Integrations;

/// <summary>Names accounts for other modules' pages.</summary>
internal sealed class PersonnesPartagees(IQuerySession session) : IQueryHandler<ObtenirPersonnes, IReadOnlyList<PersonneEtablissement>>
{
    public async ValueTask<IReadOnlyList<PersonneEtablissement>> Handle(ObtenirPersonnes query, CancellationToken cancellationToken)
    {
        var ids = query.UtilisateurIds.Distinct().ToList();
        return ids.Count == 0
            ? []
            : [.. (await session.PourEtablissement(query.EtablissementId).Query<Utilisateur>().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken))
                .Select(u => new PersonneEtablissement(u.Id, u.Nom, u.Prenom))];
    }
}
