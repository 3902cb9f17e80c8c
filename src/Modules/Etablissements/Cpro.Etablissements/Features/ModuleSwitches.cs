using Cpro.Etablissements.Domain;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Marten;

namespace Cpro.Etablissements.Features;

/// <summary>Reads the switches of an establishment once per request (scoped), so a change shows at the next request.
/// The layout, the page gate and the API filter ask concurrently while a page renders: they share one read, on a
/// session of its own so it never races the page's handlers on the request's session.</summary>
internal sealed class ModuleSwitches(IDocumentStore store) : IModuleSwitches
{
    private readonly Dictionary<Guid, Task<Dictionary<string, bool>>> _byEtablissement = [];
    private readonly Lock _lock = new();

    public async Task<bool> IsActiveAsync(Guid etablissementId, string module, CancellationToken cancellationToken = default)
    {
        Task<Dictionary<string, bool>> switches;
        lock (_lock)
        {
            if (!_byEtablissement.TryGetValue(etablissementId, out switches!))
            {
                switches = LoadAsync(etablissementId);
                _byEtablissement[etablissementId] = switches;
            }
        }
        return (await switches.WaitAsync(cancellationToken)).GetValueOrDefault(module, true);
    }

    private async Task<Dictionary<string, bool>> LoadAsync(Guid etablissementId)
    {
        await using var session = store.QuerySession(UnitOfWork.Tenant(etablissementId));
        return (await session.Query<ModuleActivation>().ToListAsync())
            .ToDictionary(a => a.Id, a => a.Actif, StringComparer.OrdinalIgnoreCase);
    }
}
