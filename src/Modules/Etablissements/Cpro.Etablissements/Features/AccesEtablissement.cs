using Cpro.Etablissements.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Etablissements.Features;

/// <summary>Who may administer an establishment: the platform administrator, or that establishment's administrator.</summary>
internal static class AccesEtablissement
{
    public static async Task<Etablissement> AdministrableAsync(EtablissementsDbContext db, ICurrentUser user, string uai,
        CancellationToken cancellationToken)
    {
        var code = Uai.Normalize(uai);
        var etablissement = await db.Etablissements.SingleOrDefaultAsync(e => e.Uai == code, cancellationToken)
                            ?? throw new IntrouvableException($"Établissement {code} introuvable.");
        if (!PeutAdministrer(user, etablissement.Id))
        {
            throw new InterditException("Seul un administrateur de cet établissement ou de la plateforme peut le paramétrer.");
        }
        return etablissement;
    }

    public static bool PeutAdministrer(ICurrentUser user, Guid etablissementId) =>
        user.IsPlatformAdmin || (user.HasProfil(Profils.Administrateur) && user.EtablissementId == etablissementId);
}
