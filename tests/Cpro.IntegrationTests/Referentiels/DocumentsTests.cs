using Cpro.IntegrationTests.Infrastructure;
using Cpro.Referentiels.Domain;

namespace Cpro.IntegrationTests.Referentiels;

/// <summary>The module's documents on the store: the catalogue is the platform's, a subscription its establishment's.</summary>
[Collection(CproCollection.Name)]
public sealed class DocumentsTests(CproFactory factory)
{
    [Fact]
    public async Task A_referentiel_comes_back_from_the_store_with_every_property()
    {
        var code = $"ESSAI-{Guid.NewGuid():N}"[..30].ToUpperInvariant();
        Referentiel melec;
        await using (var session = factory.Documents())
        {
            melec = (await session.LoadAsync<Referentiel>("BACPRO-MELEC"))!;
        }
        var referentiel = new Referentiel
        {
            Code = code, Diplome = "Baccalauréat professionnel", Niveau = "BAC_PRO", Intitule = "Essai d'aller-retour", NiveauxDeClasse = ["SECONDE", "PREMIERE"],
            Version = melec.Version, Source = Referentiel.SourceImport, ImporteLe = new DateTimeOffset(2026, 9, 1, 8, 30, 0, TimeSpan.Zero), ImportePar = "admin",
            Contenu = melec.Contenu,
        };

        try
        {
            await DocumentChecks.RoundTripAsync(factory, null, referentiel, code);
        }
        finally
        {
            await using var session = factory.Documents();
            session.Delete<Referentiel>(code);
            await session.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task A_referentiel_is_the_platforms_every_establishment_reads_the_same()
    {
        var versions = new List<string>();
        foreach (var etablissement in new Guid?[] { null, await factory.EtablissementIdAsync(await factory.CreerEtablissementAsync()), Guid.NewGuid() })
        {
            await using var session = factory.Documents(etablissement);
            versions.Add((await session.LoadAsync<Referentiel>("BACPRO-MELEC"))!.Version);
        }

        Assert.Single(versions.Distinct());
    }

    [Fact]
    public async Task A_subscription_comes_back_from_the_store_with_every_property() =>
        await DocumentChecks.RoundTripAsync(factory, Guid.NewGuid(), Abonnement(), "BACPRO-MELEC");

    [Fact]
    public async Task A_subscription_is_neither_read_nor_written_by_another_establishment() =>
        await DocumentChecks.IsolatedAsync(factory, Abonnement(), "BACPRO-MELEC", a => a.Niveaux = [new NiveauAbonne("PREMIERE", ["1MELEC"])]);

    private static Abonnement Abonnement() => new()
    {
        ReferentielCode = "BACPRO-MELEC",
        Niveaux = [new NiveauAbonne("SECONDE", ["2MELEC1", "2MELEC2"]), new NiveauAbonne("TERMINALE", ["TMELEC"])],
        ModifieLe = new DateTimeOffset(2026, 9, 2, 10, 0, 0, TimeSpan.Zero),
        ModifiePar = "ddftp.test",
    };
}
