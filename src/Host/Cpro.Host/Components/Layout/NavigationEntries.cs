using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;

namespace Cpro.Host.Components.Layout;

/// <summary>The navigation a user sees: the entries of the modules switched on for their establishment, for their profiles.</summary>
public sealed class NavigationEntries(ModuleCatalogue catalogue, ICurrentUser user, IModuleSwitches switches)
{
    public async Task<IReadOnlyList<NavigationEntry>> ForCurrentUserAsync()
    {
        if (!user.IsAuthenticated)
        {
            return [];
        }
        var entries = new List<NavigationEntry> { new("Accueil", "/") };
        foreach (var module in catalogue.All)
        {
            if (module.Desactivable && user.EtablissementId is { } etablissement && !await switches.IsActiveAsync(etablissement, module.Name))
            {
                continue;
            }
            entries.AddRange(module.Navigation.Where(e => e.Profils.Length == 0 ? user.EtablissementId is not null : user.HasAnyProfil(e.Profils)));
        }
        return entries;
    }
}
