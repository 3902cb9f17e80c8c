using Cpro.Kernel.Modules;
using Marten;
using Cpro.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cpro.Host.Persistence;

/// <summary>Before the server listens: the store's schema (applied, or with CPRO_SCHEMA=verifier only checked, for a
/// database patched by hand with <c>db-patch</c>), every module's migrations (idempotent), then the modules' start-up tasks.</summary>
internal sealed class StartupService(IServiceProvider services, IDocumentStore store, IConfiguration configuration, ILogger<StartupService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration["CPRO_SCHEMA"] == "verifier")
        {
            await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(cancellationToken);
        }
        else
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }
        logger.LogInformation("Schéma des documents à jour");
        await using var scope = services.CreateAsyncScope();
        foreach (var registration in scope.ServiceProvider.GetServices<ModuleDbContextRegistration>())
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            // The history table first: otherwise EF logs a failed query on a new database before creating it.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Schéma {Schema} à jour", registration.Schema);
        }
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
        {
            await task.RunAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
