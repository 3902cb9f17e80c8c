using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Marten;

namespace Cpro.Etablissements.Domain;

/// <summary>Who may read an establishment's people: its administrator, head and DDFTP, and nobody from elsewhere.</summary>
internal static class LecturePersonnes
{
    public static async Task VerifierAsync(IQuerySession session, ICurrentUser user, string uai, CancellationToken cancellationToken)
    {
        var code = Uai.Normalize(uai);
        var etablissement = await session.Query<Etablissement>().SingleOrDefaultAsync(e => e.Uai == code, cancellationToken)
                            ?? throw new IntrouvableException($"Établissement {code} introuvable.");
        if (user.EtablissementId != etablissement.Id
            || !user.HasAnyProfil([Profils.Administrateur, Profils.ChefEtablissement, Profils.Ddftp]))
        {
            throw new InterditException("Seuls l'administrateur, le chef d'établissement et le DDFTP de cet établissement consultent ses utilisateurs.");
        }
    }
}
