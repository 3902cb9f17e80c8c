using Cpro.Etablissements.Domain;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Cpro.Etablissements.Features;

/// <summary>The switches of an establishment, asked by every API call and page: read once, then kept a few seconds, and
/// forgotten here as soon as a switch is committed (<see cref="Oublier"/>), so a change shows at the next request. The
/// layout, the page gate and the API filter ask concurrently while a page renders: they share one read, on a session of
/// its own so it never races the page's handlers on the request's session.</summary>
internal sealed class ModuleSwitches(IDocumentStore store, IMemoryCache cache) : IModuleSwitches
{
    /// <summary>How long another instance of the host may show a switch it did not make.</summary>
    private static readonly TimeSpan Duree = TimeSpan.FromSeconds(5);

    public async Task<bool> IsActiveAsync(Guid etablissementId, string module, CancellationToken cancellationToken = default)
    {
        var lecture = cache.GetOrCreate(Cle(etablissementId), entree =>
        {
            entree.AbsoluteExpirationRelativeToNow = Duree;
            return LoadAsync(etablissementId);
        })!;
        try
        {
            return (await lecture.WaitAsync(cancellationToken)).GetValueOrDefault(module, true);
        }
        catch when (lecture.IsFaulted)
        {
            cache.Remove(Cle(etablissementId));
            throw;
        }
    }

    public static void Oublier(IMemoryCache cache, Guid etablissementId) => cache.Remove(Cle(etablissementId));

    private async Task<Dictionary<string, bool>> LoadAsync(Guid etablissementId)
    {
        await using var session = store.QuerySession(UnitOfWork.Tenant(etablissementId));
        return (await session.Query<ModuleActivation>().ToListAsync())
            .ToDictionary(a => a.Id, a => a.Actif, StringComparer.OrdinalIgnoreCase);
    }

    private static string Cle(Guid etablissementId) => $"cpro:modules:{etablissementId}";
}
