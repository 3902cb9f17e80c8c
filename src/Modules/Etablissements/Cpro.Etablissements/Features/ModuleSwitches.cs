using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Etablissements.Features;

/// <summary>Reads the switches of an establishment once per request (scoped), so a change shows at the next request.
/// The layout, the page gate and the API filter ask concurrently while a page renders: they share one read, on a
/// context of its own so it never races the page's handlers on the request's DbContext.</summary>
internal sealed class ModuleSwitches(DbContextOptions<EtablissementsDbContext> options, ICurrentUser user) : IModuleSwitches
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
        await using var db = new EtablissementsDbContext(options, user);
        return await db.ModuleActivations.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.EtablissementId == etablissementId)
            .ToDictionaryAsync(a => a.Module, a => a.Actif, StringComparer.OrdinalIgnoreCase);
    }
}
