using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cpro.Host.Persistence;

/// <summary>Before the server listens: every module's migrations (idempotent), then the modules' start-up tasks.</summary>
internal sealed class StartupService(IServiceProvider services, ILogger<StartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
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
