using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Periodes.Domain;
using Marten;

namespace Cpro.IntegrationTests.Periodes;

/// <summary>What the company period tests read straight from the store (apart from the accounts' helpers, on EF Core,
/// whose query extensions have the same names as Marten's).</summary>
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
}
