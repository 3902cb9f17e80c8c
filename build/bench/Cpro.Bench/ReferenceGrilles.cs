using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Cpro.Bench;

/// <summary>The bare baseline of a grid save: the same rows (a 30 × 13 grid, same columns as scenarios.Positionnements)
/// written by one Npgsql batch of parameterised INSERTs in a transaction, into a plain table (primary key only).
/// No HTTP, no authentication, no reading of the grid, no check, no version.</summary>
internal static class ReferenceGrilles
{
    private const string Table = "bench_grilles.positionnements";

    public static async Task CreerTableAsync(NpgsqlDataSource source)
    {
        await using var commande = source.CreateCommand($"""
            DROP SCHEMA IF EXISTS bench_grilles CASCADE;
            CREATE SCHEMA bench_grilles;
            CREATE TABLE {Table} (id uuid PRIMARY KEY, etablissement_id uuid NOT NULL, evaluation_id uuid NOT NULL, apprenant_id uuid NOT NULL,
                item varchar(20) NOT NULL, competence varchar(20) NOT NULL, niveau smallint NOT NULL, commentaire varchar(1000), date date NOT NULL,
                version_grille integer NOT NULL, modifie_le timestamptz NOT NULL, modifie_par varchar(200) NOT NULL);
            """);
        await commande.ExecuteNonQueryAsync();
    }

    /// <summary>As many connections as teachers, each writing <paramref name="lots"/> grids one after the other,
    /// all at once; the duration of every batch, from taking a pooled connection to the commit.</summary>
    public static async Task<List<TimeSpan>> ExecuterAsync(NpgsqlDataSource source, int connexions, int lots, int apprenants, IReadOnlyList<string> items)
    {
        var durees = await Task.WhenAll(Enumerable.Range(0, connexions).Select(async _ =>
        {
            var siennes = new List<TimeSpan>();
            for (var lot = 0; lot < lots; lot++)
            {
                siennes.Add(await InsererAsync(source, apprenants, items, lot));
            }
            return siennes;
        }));
        return [.. durees.SelectMany(d => d)];
    }

    private static async Task<TimeSpan> InsererAsync(NpgsqlDataSource source, int apprenants, IReadOnlyList<string> items, int graine)
    {
        var (etablissement, evaluation, maintenant) = (Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
        var date = DateOnly.FromDateTime(maintenant.UtcDateTime);
        var chrono = Stopwatch.StartNew();
        await using var connexion = await source.OpenConnectionAsync();
        await using var transaction = await connexion.BeginTransactionAsync();
        await using var lot = new NpgsqlBatch(connexion, transaction);
        for (var a = 0; a < apprenants; a++)
        {
            var apprenant = Guid.NewGuid();
            for (var i = 0; i < items.Count; i++)
            {
                lot.BatchCommands.Add(new NpgsqlBatchCommand(
                    $"INSERT INTO {Table} (id, etablissement_id, evaluation_id, apprenant_id, item, competence, niveau, commentaire, date, version_grille, modifie_le, modifie_par) "
                    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
                {
                    Parameters =
                    {
                        new() { Value = Guid.NewGuid(), NpgsqlDbType = NpgsqlDbType.Uuid },
                        new() { Value = etablissement, NpgsqlDbType = NpgsqlDbType.Uuid },
                        new() { Value = evaluation, NpgsqlDbType = NpgsqlDbType.Uuid },
                        new() { Value = apprenant, NpgsqlDbType = NpgsqlDbType.Uuid },
                        new() { Value = items[i], NpgsqlDbType = NpgsqlDbType.Varchar },
                        new() { Value = items[i], NpgsqlDbType = NpgsqlDbType.Varchar },
                        new() { Value = (short)((a + i + graine) % 4 + 1), NpgsqlDbType = NpgsqlDbType.Smallint },
                        new() { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
                        new() { Value = date, NpgsqlDbType = NpgsqlDbType.Date },
                        new() { Value = 1, NpgsqlDbType = NpgsqlDbType.Integer },
                        new() { Value = maintenant, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                        new() { Value = "Enseignant de mesure", NpgsqlDbType = NpgsqlDbType.Varchar },
                    },
                });
            }
        }
        await lot.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return chrono.Elapsed;
    }
}
