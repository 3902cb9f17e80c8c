using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;

namespace Cpro.Host.Components.Layout;

/// <summary>The navigation a user sees: the entries of the delivered modules switched on for their establishment, for their
/// profiles. A module still to come keeps its page and its place in the catalogue, not a menu entry leading to nothing.</summary>
public sealed class NavigationEntries(ModuleCatalogue catalogue, ICurrentUser user, IModuleSwitches switches, IEnumerable<INavigationConditionnelle> conditions)
{
    private Task<IReadOnlyList<NavigationEntry>>? _entries;

    /// <summary>Read once per request: a status page reads it before Blazor renders (see Program).</summary>
    public Task<IReadOnlyList<NavigationEntry>> ForCurrentUserAsync() => _entries ??= ReadAsync();

    private async Task<IReadOnlyList<NavigationEntry>> ReadAsync()
    {
        if (!user.IsAuthenticated)
        {
            return [];
        }
        var entries = new List<NavigationEntry> { new("Accueil", "/") };
        foreach (var module in catalogue.All)
        {
            if (module.Statut == ModuleStatut.AVenir || !await IsOnAsync(module))
            {
                continue;
            }
            entries.AddRange(module.Navigation.Where(e => e.Profils.Length == 0 ? user.EtablissementId is not null : user.HasAnyProfil(e.Profils)));
        }
        // A module may hide an entry its profiles would show (INavigationConditionnelle).
        foreach (var condition in conditions)
        {
            if (entries.Any(e => e.Href == condition.Href) && !await condition.VisibleAsync(CancellationToken.None))
            {
                entries.RemoveAll(e => e.Href == condition.Href);
            }
        }
        return entries;
    }

    /// <summary>Whether the module works for the user: always outside an establishment and for a module that cannot be switched off.</summary>
    public async Task<bool> IsOnAsync(ICproModule module) =>
        !module.Desactivable || user.EtablissementId is not { } etablissement || await switches.IsActiveAsync(etablissement, module.Name);
}
