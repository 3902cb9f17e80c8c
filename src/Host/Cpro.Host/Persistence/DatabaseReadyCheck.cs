using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cpro.Host.Persistence;

/// <summary>Ready when the store answers and its schema is the one its documents need. The schema is compared once it
/// answers, until it has matched: it then changes only with a new version of the host, which applies it at start.</summary>
internal sealed class DatabaseReadyCheck(IDocumentStore store, DatabaseReadyCheck.Schema schema) : IHealthCheck
{
    /// <summary>Whether the schema has matched, for the host's lifetime.</summary>
    internal sealed class Schema
    {
        public volatile bool Conforme;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using (var session = store.QuerySession())
            {
                await session.QueryAsync<int>("select 1", cancellationToken);
            }
            if (!schema.Conforme)
            {
                await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(cancellationToken);
                schema.Conforme = true;
            }
            return HealthCheckResult.Healthy();
        }
        catch (Weasel.Core.Migrations.DatabaseValidationException e)
        {
            return HealthCheckResult.Unhealthy("Schéma des documents à mettre à jour (db-apply).", e);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Marten.Exceptions.MartenCommandException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Base de données injoignable.", e);
        }
    }
}
