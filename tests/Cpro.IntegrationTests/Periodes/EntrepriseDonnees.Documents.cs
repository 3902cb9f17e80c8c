using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Siecle;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Periodes.Domain;
using Marten;

namespace Cpro.IntegrationTests.Periodes;

/// <summary>What the company period tests read and write straight in the store.</summary>
internal static partial class EntrepriseDonnees
{
    public static async Task<Guid> AnnexeAsync(CproFactory factory, string uai, string titre = "PFMP 1 — Câblage", bool pourApprentis = false,
        string niveau = "SECONDE")
    {
        var annexe = new AnnexePedagogique
        {
            Referentiel = Classe.Referentiel, NiveauClasse = niveau, Titre = titre, PourApprentis = pourApprentis,
            Objectifs = "Découvrir un chantier de rénovation.", Activites = ["A2"], Taches = [.. TachesAnnexe], AuteurNom = "Alessandro VOLTA",
            CreeLe = DateTimeOffset.UtcNow, ModifieLe = DateTimeOffset.UtcNow,
        };
        await using var session = factory.Documents(await factory.EtablissementIdAsync(uai));
        session.Insert(annexe);
        await session.SaveChangesAsync();
        return annexe.Id;
    }

    /// <summary>Whichever establishment it belongs to.</summary>
    public static async Task<AnnexePedagogique> LireAnnexeAsync(CproFactory factory, Guid id)
    {
        await using var session = factory.Documents();
        return await session.Query<AnnexePedagogique>().SingleAsync(a => a.AnyTenant() && a.Id == id);
    }

    /// <summary>Whichever establishment they belong to.</summary>
    public static async Task<int> AffectationsAsync(CproFactory factory, Guid periode)
    {
        await using var session = factory.Documents();
        return await session.Query<AffectationEntreprise>().CountAsync(a => a.AnyTenant() && a.PeriodeId == periode);
    }

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
