using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Marten;

namespace Cpro.Etablissements.Domain;

/// <summary>Who may act on an establishment: the platform administrator, or a user of that establishment with one of the
/// profiles the action needs. Anyone else gets 403, whatever the establishment.</summary>
internal static class AccesEtablissement
{
    public static Task<Etablissement> AdministrableAsync(IQuerySession session, ICurrentUser user, string uai,
        CancellationToken cancellationToken) =>
        VerifierAsync(session, user, uai, [Profils.Administrateur],
            "Seul un administrateur de cet établissement ou de la plateforme peut le paramétrer.", cancellationToken);

    public static async Task<Etablissement> VerifierAsync(IQuerySession session, ICurrentUser user, string uai,
        IReadOnlyList<string> profils, string refus, CancellationToken cancellationToken)
    {
        var code = Uai.Normalize(uai);
        var etablissement = await session.Query<Etablissement>().SingleOrDefaultAsync(e => e.Uai == code, cancellationToken)
                            ?? throw new IntrouvableException($"Établissement {code} introuvable.");
        if (!user.IsPlatformAdmin && !(user.EtablissementId == etablissement.Id && user.HasAnyProfil(profils)))
        {
            throw new InterditException(refus);
        }
        return etablissement;
    }
}
