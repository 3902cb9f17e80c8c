using System.Text.Json;
using Cpro.Kernel.Persistence;
using JasperFx;
using Marten;

namespace Cpro.IntegrationTests.Infrastructure;

/// <summary>What every versioned document type must show once on the store (the round trip and the establishments'
/// isolation of every type are <c>Persistence.DocumentsTests</c>'): a write from a stale revision is refused. Documents
/// are read straight on the store (<see cref="CproFactory.Documents"/>), not through the modules' handlers.</summary>
internal static class DocumentChecks
{
    /// <summary>Two copies of a versioned document read at the same revision: the first saved through
    /// <c>StoreRevision</c> wins, the second is refused at the commit (a 409 in a request) and the stored one is the first's.</summary>
    public static async Task StaleRevisionRefusedAsync<T>(CproFactory factory, Guid etablissement, T document, Guid id, Action<T> first, Action<T> second)
        where T : class, IRevisioned
    {
        await using (var session = factory.Documents(etablissement))
        {
            session.Insert(document);
            await session.SaveChangesAsync();
        }
        await using var premiere = factory.Documents(etablissement);
        await using var seconde = factory.Documents(etablissement);
        var copie1 = (await premiere.LoadAsync<T>(id))!;
        var copie2 = (await seconde.LoadAsync<T>(id))!;
        Assert.Equal(1, copie2.Version);

        first(copie1);
        premiere.StoreRevision(copie1, 1);
        await premiere.SaveChangesAsync();
        second(copie2);
        seconde.StoreRevision(copie2, 1);

        await Assert.ThrowsAsync<ConcurrencyException>(() => seconde.SaveChangesAsync());
        await using var relecture = factory.Documents(etablissement);
        var stocke = (await relecture.LoadAsync<T>(id))!;
        Assert.Equal(2, stocke.Version);
        Assert.Equal(Json(copie1), Json(stocke));
    }

    private static string Json(object? valeur) => JsonSerializer.Serialize(valeur);
}
