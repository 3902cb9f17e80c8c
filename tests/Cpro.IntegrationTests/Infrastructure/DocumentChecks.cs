using System.Collections;
using System.Reflection;
using System.Text.Json;
using Cpro.Kernel.Persistence;
using JasperFx;
using Marten;

namespace Cpro.IntegrationTests.Infrastructure;

/// <summary>What every document type must show once on the store: it comes back as it was written, it stays its
/// establishment's, and a versioned one refuses a write from a stale revision. Documents are read straight on the store
/// (<see cref="CproFactory.Documents"/>), not through the modules' handlers.</summary>
internal static class DocumentChecks
{
    /// <summary>Stores a fully filled document, then reads it back in another session: every public property is equal (a
    /// property System.Text.Json cannot set, like a private setter, would come back empty).</summary>
    public static async Task RoundTripAsync<T>(CproFactory factory, Guid? etablissement, T document, object id) where T : class
    {
        var proprietes = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        // An empty property would prove nothing; the revision is Marten's to set.
        foreach (var propriete in proprietes.Where(p => !(document is IRevisioned && p.Name == nameof(IRevisioned.Version))))
        {
            Assert.False(Vide(propriete.GetValue(document)), $"{typeof(T).Name}.{propriete.Name} n'est pas renseignée : l'aller-retour ne la vérifierait pas.");
        }
        await using (var session = factory.Documents(etablissement))
        {
            session.Store(document);
            await session.SaveChangesAsync();
        }

        await using var relecture = factory.Documents(etablissement);
        var relu = await LoadAsync<T>(relecture, id);

        Assert.NotNull(relu);
        foreach (var propriete in proprietes)
        {
            Assert.Equal($"{propriete.Name} = {Json(propriete.GetValue(document))}", $"{propriete.Name} = {Json(propriete.GetValue(relu))}");
        }
    }

    /// <summary>A document of a new establishment A: the session of another new one, B, neither loads it nor finds it by a
    /// query; B's write and delete on its id touch B's documents only, A's stays as it was.</summary>
    public static async Task IsolatedAsync<T>(CproFactory factory, T document, object id, Action<T> change) where T : class
    {
        var a = await factory.EtablissementIdAsync(await factory.CreerEtablissementAsync());
        var b = await factory.EtablissementIdAsync(await factory.CreerEtablissementAsync());
        await using (var session = factory.Documents(a))
        {
            session.Store(document);
            await session.SaveChangesAsync();
        }
        var ecrit = Json(document);

        await using (var session = factory.Documents(b))
        {
            Assert.Null(await LoadAsync<T>(session, id));
            Assert.Empty(await session.Query<T>().ToListAsync());
            change(document);
            session.Store(document);
            await session.SaveChangesAsync();
            Assert.NotEqual(ecrit, Json(await LoadAsync<T>(session, id)));
            Delete<T>(session, id);
            await session.SaveChangesAsync();
        }

        await using var relecture = factory.Documents(a);
        Assert.Equal(ecrit, Json(await LoadAsync<T>(relecture, id)));
        Assert.Single(await relecture.Query<T>().ToListAsync());
    }

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

    private static Task<T?> LoadAsync<T>(IQuerySession session, object id) where T : class => id switch
    {
        Guid guid => session.LoadAsync<T>(guid),
        string code => session.LoadAsync<T>(code),
        _ => throw new ArgumentException($"Identifiant {id.GetType().Name} non prévu.", nameof(id)),
    };

    private static void Delete<T>(IDocumentSession session, object id) where T : class
    {
        switch (id)
        {
            case Guid guid:
                session.Delete<T>(guid);
                break;
            case string code:
                session.Delete<T>(code);
                break;
        }
    }

    private static string Json(object? valeur) => JsonSerializer.Serialize(valeur);

    private static bool Vide(object? valeur) => valeur switch
    {
        null => true,
        string texte => texte.Length == 0,
        IEnumerable liste => !liste.GetEnumerator().MoveNext(),
        _ => valeur.Equals(Activator.CreateInstance(valeur.GetType())),
    };
}
