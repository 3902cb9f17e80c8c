using Mediator;

namespace Cpro.Etablissements.Contracts;

/// <summary>Of these accounts of the establishment, those a notification email may reach: active, with an address, and
/// who have not turned notifications off in their preferences. Asked by a module's daily digest.</summary>
public sealed record ListerDestinatairesNotifications(Guid EtablissementId, IReadOnlyList<Guid> Utilisateurs) : IQuery<IReadOnlyList<DestinataireNotification>>;

public sealed record DestinataireNotification(Guid UtilisateurId, string NomComplet, string Email);

/// <summary>Puts an email in the establishment's outbox, in the asking command's unit of work.</summary>
public sealed record EcrireCourriel(Guid EtablissementId, string Destinataire, string Objet, string Corps) : ICommand;
