using Cpro.Kernel.Modules;
using Marten;

namespace Cpro.Host.Persistence;

/// <summary>Before the server listens: the store's schema (applied, or with CPRO_SCHEMA=verifier only checked, for a
/// database patched by hand with <c>db-patch</c>), then the modules' start-up tasks.</summary>
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
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
        {
            await task.RunAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
