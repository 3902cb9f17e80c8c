using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;

namespace Cpro.Host.Pipeline;

/// <summary>A page of a module switched off for the user's establishment answers 404, like the module's API;
/// the page gate (ModuleGate) then renders the explanation instead of the page.</summary>
internal static class ModulePageGate
{
    public const string ItemKey = "cpro:module-desactive";

    public static IApplicationBuilder UseModulePageGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var services = context.RequestServices;
        if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type is { } page
            && services.GetRequiredService<ModuleCatalogue>().OwnerOf(page) is { Desactivable: true } module
            && services.GetRequiredService<ICurrentUser>().EtablissementId is { } etablissement
            && !await services.GetRequiredService<IModuleSwitches>().IsActiveAsync(etablissement, module.Name, context.RequestAborted))
        {
            context.Items[ItemKey] = module;
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            // Set as the headers go: Blazor would otherwise swap a 404 page for its not-found handling.
            context.Response.OnStarting(() =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }
        await next(context);
    });
}
