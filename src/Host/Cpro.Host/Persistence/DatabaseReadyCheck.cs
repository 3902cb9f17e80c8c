using Cpro.Kernel.Persistence;
using Marten;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cpro.Host.Persistence;

/// <summary>Ready when the store answers and every module's migrations are applied.</summary>
internal sealed class DatabaseReadyCheck(IServiceProvider services, IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            await using (var session = store.QuerySession())
            {
                await session.QueryAsync<int>("select 1", cancellationToken);
            }
            foreach (var registration in scope.ServiceProvider.GetServices<ModuleDbContextRegistration>())
            {
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
                if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                {
                    return HealthCheckResult.Unhealthy($"Migrations en attente pour le schéma {registration.Schema}.");
                }
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Marten.Exceptions.MartenCommandException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Base de données injoignable.", e);
        }
    }
}
