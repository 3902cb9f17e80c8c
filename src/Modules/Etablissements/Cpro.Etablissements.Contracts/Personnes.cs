using Mediator;

namespace Cpro.Etablissements.Contracts;

/// <summary>A person of the establishment as a page names them, by account.</summary>
public sealed record PersonneEtablissement(Guid UtilisateurId, string Nom, string Prenom);

/// <summary>These accounts of the establishment, whatever their profile or state, in one query (a page naming a learner and
/// their teachers asks once); an id of no account is left out.</summary>
public sealed record ObtenirPersonnes(Guid EtablissementId, IReadOnlyList<Guid> UtilisateurIds) : IQuery<IReadOnlyList<PersonneEtablissement>>;
