using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;

namespace Cpro.Host.Pipeline;

/// <summary>On every route of a module: while the module is off for the caller's establishment, 404.</summary>
internal sealed class ModuleSwitchFilter(ICproModule module) : IEndpointFilter
{
    public const string Title = "Module désactivé pour cet établissement";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        if (module.Desactivable
            && services.GetRequiredService<ICurrentUser>().EtablissementId is { } etablissement
            && !await services.GetRequiredService<IModuleSwitches>().IsActiveAsync(etablissement, module.Name, context.HttpContext.RequestAborted))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Title,
                detail: $"Le module {module.DisplayName} est désactivé pour votre établissement.");
        }
        return await next(context);
    }
}
