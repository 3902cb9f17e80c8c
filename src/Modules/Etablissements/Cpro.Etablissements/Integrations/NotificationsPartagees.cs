using Cpro.Etablissements.Contracts;
using Cpro.Etablissements.Courriels;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;

namespace Cpro.Etablissements.Integrations;

/// <summary>Answers other modules' notifications: who accepts them (the account's preference stays here), and the outbox.</summary>
internal sealed class NotificationsPartagees(IDocumentSession session, BoiteEnvoi boite)
    : IQueryHandler<ListerDestinatairesNotifications, IReadOnlyList<DestinataireNotification>>, ICommandHandler<EcrireCourriel>
{
    public async ValueTask<IReadOnlyList<DestinataireNotification>> Handle(ListerDestinatairesNotifications query, CancellationToken cancellationToken)
    {
        var ids = query.Utilisateurs.Distinct().ToList();
        return [.. (await session.PourEtablissement(query.EtablissementId).Query<Utilisateur>()
                .Where(u => ids.Contains(u.Id) && u.Actif && !u.SansNotifications && u.Email != null)
                .ToListAsync(cancellationToken))
            .Select(u => new DestinataireNotification(u.Id, u.NomComplet, u.Email!))];
    }

    public ValueTask<Unit> Handle(EcrireCourriel command, CancellationToken cancellationToken)
    {
        boite.Ajouter(command.EtablissementId, command.Destinataire, command.Objet, command.Corps);
        return ValueTask.FromResult(Unit.Value);
    }
}
