using Mediator;

namespace Cpro.Etablissements.Contracts;

/// <summary>A class of the establishment (from STS-web), with the MEF codes it belongs to.</summary>
public sealed record DivisionEtablissement(string Code, string? Libelle, IReadOnlyList<string> Mefs);

/// <summary>The establishment's active divisions, by code.</summary>
public sealed record ListerDivisions(Guid EtablissementId) : IQuery<IReadOnlyList<DivisionEtablissement>>;

/// <summary>A learner as other modules know them: by their account (the id they sign in with).</summary>
public sealed record ApprenantEtablissement(Guid UtilisateurId, string Nom, string Prenom, string? Division, string Statut, bool Actif);

/// <summary>The learners of these divisions (all of them when the list is empty), active ones only, by name.</summary>
public sealed record ListerApprenantsDesDivisions(Guid EtablissementId, IReadOnlyList<string> Divisions) : IQuery<IReadOnlyList<ApprenantEtablissement>>;

/// <summary>These learners, by account id, whatever their state (to show past evaluations of a leaver).</summary>
public sealed record ObtenirApprenants(Guid EtablissementId, IReadOnlyList<Guid> UtilisateurIds) : IQuery<IReadOnlyList<ApprenantEtablissement>>;

/// <summary>The divisions a teacher teaches in (STS-web services) or is professeur principal of.</summary>
public sealed record ListerDivisionsEnseignant(Guid EtablissementId, Guid UtilisateurId) : IQuery<IReadOnlyList<string>>;

/// <summary>An establishment of the platform, found by its UAI (to share something with it), or null.</summary>
public sealed record EtablissementResume(Guid Id, string Uai, string Nom);

public sealed record TrouverEtablissement(string Uai) : IQuery<EtablissementResume?>;

/// <summary>A teacher of the establishment, by account.</summary>
public sealed record EnseignantEtablissement(Guid UtilisateurId, string Nom, string Prenom);

/// <summary>The establishment's active teachers, by name.</summary>
public sealed record ListerEnseignants(Guid EtablissementId) : IQuery<IReadOnlyList<EnseignantEtablissement>>;

/// <summary>The demo establishment (CPRO_DEMO=true), once created, so other modules can seed their own demo data; else null.</summary>
public sealed record ObtenirEtablissementDemo : IQuery<EtablissementResume?>;
