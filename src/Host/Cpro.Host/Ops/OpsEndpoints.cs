using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cpro.Host.Ops;

/// <summary>Operations routes: the module catalogue and the health probes.</summary>
internal static class OpsEndpoints
{
    public const string ReadyTag = "ready";

    public static void MapOps(this WebApplication app)
    {
        app.MapGet("/ops/modules", (ModuleCatalogue catalogue) => catalogue.All.Select(m =>
                new { name = m.Name, displayName = m.DisplayName, status = m.Statut.Libelle(), desactivable = m.Desactivable }))
            .RequireAuthorization(p => p.RequireRole(Profils.AdministrateurPlateforme))
            .WithTags("Exploitation")
            .WithSummary("Catalogue des modules (administrateur de la plateforme)");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
        });
    }
}
