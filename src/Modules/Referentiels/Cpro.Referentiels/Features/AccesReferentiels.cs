using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;

namespace Cpro.Referentiels.Features;

/// <summary>Who sees what. The platform administrator and those who choose an establishment's subscriptions see the whole
/// catalogue; the establishment's other users see the diplomas it subscribes to, and nothing tells them others exist.</summary>
internal static class AccesReferentiels
{
    /// <summary>They choose the establishment's subscriptions.</summary>
    public static readonly IReadOnlyList<string> Gestionnaires = [Profils.Administrateur, Profils.ChefEtablissement, Profils.Ddftp];

    /// <summary>They read the subscriptions: the managers and the teachers.</summary>
    public static readonly IReadOnlyList<string> LecteursAbonnements = [.. Gestionnaires, Profils.Enseignant];

    public static bool VoitToutLeCatalogue(ICurrentUser user) =>
        user.IsPlatformAdmin || (user.EtablissementId is not null && user.HasAnyProfil(Gestionnaires));

    /// <summary>The establishment whose subscriptions the user may read, or 403.</summary>
    public static Guid EtablissementLecteur(ICurrentUser user) =>
        user.EtablissementId is { } id && user.HasAnyProfil(LecteursAbonnements)
            ? id
            : throw new InterditException("Les abonnements se consultent par l'administration, la direction, le DDFTP et les enseignants de l'établissement.");

    /// <summary>The establishment whose subscriptions the user may change, or 403.</summary>
    public static Guid EtablissementGestionnaire(ICurrentUser user) =>
        user.EtablissementId is { } id && user.HasAnyProfil(Gestionnaires)
            ? id
            : throw new InterditException("Seuls l'administrateur, le chef d'établissement et le DDFTP de l'établissement gèrent ses abonnements.");

    /// <summary>Codes are upper case; « bacpro-melec » in a URL finds BACPRO-MELEC.</summary>
    public static string Normaliser(string code) => code.Trim().ToUpperInvariant();
}
