using Cpro.Host.Persistence;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Cpro.IntegrationTests.Api;

/// <summary>The readiness check against databases the running host does not use: one whose schema was never applied, one
/// out of reach.</summary>
[Collection(CproCollection.Name)]
public sealed class ReadinessTests(CproFactory factory)
{
    [Fact]
    public async Task Not_ready_while_the_documents_schema_is_not_applied()
    {
        var database = $"cpro_test_vide_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{database}\"");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(factory.ServerConnectionString) { Database = database }.ConnectionString;
            var result = await CheckAsync(connection);
            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Equal("Schéma des documents à mettre à jour (db-apply).", result.Description);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    [Fact]
    public async Task Not_ready_when_the_database_is_out_of_reach()
    {
        var result = await CheckAsync("Host=127.0.0.1;Port=1;Username=postgres;Database=cpro;Timeout=2");

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("Base de données injoignable.", result.Description);
    }

    private static async Task<HealthCheckResult> CheckAsync(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{ModulePersistence.ConnectionStringName}"] = connectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<ICurrentUser>(new ClaimsCurrentUser(null));
        services.AddCproStore(configuration);
        foreach (var module in Cpro.Host.Composition.CproModules.Catalogue().All)
        {
            module.AddServices(services, configuration);
        }
        await using var provider = services.BuildServiceProvider();
        return await new DatabaseReadyCheck(provider.GetRequiredService<Marten.IDocumentStore>(), new DatabaseReadyCheck.Schema()).CheckHealthAsync(new HealthCheckContext());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(factory.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
