using System.Reflection;
using Carter;
using Cpro.Host.Pipeline;
using Cpro.Kernel.Modules;

namespace Cpro.Host.Composition;

/// <summary>Maps each module's Carter modules under /api/&lt;module&gt;, with its status route, its OpenAPI tag and its switch.</summary>
internal static class ModuleEndpoints
{
    public static void MapCproModules(this WebApplication app, ModuleCatalogue catalogue)
    {
        var carterModules = app.Services.GetServices<ICarterModule>().ToList();
        foreach (var module in catalogue.All)
        {
            var group = app.MapGroup(ModuleRoutes.ApiPrefix(module))
                .WithTags(module.DisplayName)
                .RequireAuthorization()
                .AddEndpointFilter(new ModuleSwitchFilter(module));
            group.MapGet("/statut", () => new { module = module.Name, nom = module.DisplayName, statut = module.Statut.Libelle() })
                .WithSummary($"État du module {module.DisplayName}");
            foreach (var carter in carterModules.Where(c => c.GetType().Assembly == module.GetType().Assembly))
            {
                if (carter.GetType().GetCustomAttribute<RootRoutesAttribute>() is not null)
                {
                    carter.AddRoutes(app);
                }
                else
                {
                    carter.AddRoutes(group);
                }
            }
        }
    }
}
