using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Siecle;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;

namespace Cpro.IntegrationTests.Periodes;

/// <summary>The accounts side of the company period tests: what Etablissements holds for them.</summary>
internal static partial class EntrepriseDonnees
{
    public static async Task<bool> CompteExisteAsync(CproFactory factory, string email)
    {
        await using var session = factory.Documents();
        return await session.Query<Utilisateur>().AnyAsync(u => u.AnyTenant() && u.Email == email);
    }

    /// <summary>The learner becomes an apprentice (as a SIECLE import with CODE_STATUT « AP » would make them).</summary>
    public static async Task ApprentiAsync(CproFactory factory, Guid utilisateurId)
    {
        await using var tous = factory.Documents();
        var etablissement = (await tous.MetadataForAsync(await tous.Query<Apprenant>().SingleAsync(a => a.AnyTenant() && a.UtilisateurId == utilisateurId)))!.TenantId;
        await using var session = factory.Documents(Guid.Parse(etablissement));
        var apprenant = await session.Query<Apprenant>().SingleAsync(a => a.UtilisateurId == utilisateurId);
        apprenant.Statut = Profils.Apprenti;
        session.Store(apprenant);
        var utilisateur = (await session.LoadAsync<Utilisateur>(utilisateurId))!;
        utilisateur.Profils = [Profils.Apprenti];
        session.StoreRevision(utilisateur, utilisateur.Version);
        await session.SaveChangesAsync();
    }
}
