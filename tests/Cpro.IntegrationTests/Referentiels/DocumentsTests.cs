using Cpro.IntegrationTests.Infrastructure;
using Cpro.Referentiels.Domain;

namespace Cpro.IntegrationTests.Referentiels;

/// <summary>The catalogue is the platform's: every establishment reads the same référentiel.</summary>
[Collection(CproCollection.Name)]
public sealed class DocumentsTests(CproFactory factory)
{
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
}
