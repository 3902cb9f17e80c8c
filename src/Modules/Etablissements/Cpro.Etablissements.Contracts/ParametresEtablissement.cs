using Mediator;

namespace Cpro.Etablissements.Contracts;

/// <summary>The parameters of an establishment that other modules act on.</summary>
public sealed record ParametresEtablissement(Guid EtablissementId, string Uai, string Nom, bool TransfertsAutorises, bool AccesInspecteurAutorise);

/// <summary>Asked by a module (Transferts, inspectors' access…) about the establishment of the current request.</summary>
public sealed record ObtenirParametresEtablissement(Guid EtablissementId) : IQuery<ParametresEtablissement>;

/// <summary>The establishment's logo (its bytes and content type), or null when it has none: the book's cover shows it.</summary>
public sealed record ObtenirLogoEtablissement(Guid EtablissementId) : IQuery<LogoEtablissement?>;

public sealed record LogoEtablissement(byte[] Contenu, string Type);
