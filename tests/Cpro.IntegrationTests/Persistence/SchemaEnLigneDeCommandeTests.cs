using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cpro.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cpro.IntegrationTests.Persistence;

/// <summary>A database managed by hand (README, « The database in production »): the host's command line prints and applies
/// the store's schema, and a host started with CPRO_SCHEMA=verifier only checks it. The Release build runs as its own
/// process, on an empty database of its own.</summary>
public sealed class SchemaEnLigneDeCommandeTests : IAsyncLifetime
{
    private static readonly TimeSpan Delai = TimeSpan.FromSeconds(90);
    private readonly string _server = Environment.GetEnvironmentVariable("CPRO_TEST_DB")
        ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
    private readonly string _database = $"cpro_test_{Guid.NewGuid():N}";
    private readonly string _patch = Path.Combine(Path.GetTempPath(), $"cpro-schema-{Guid.NewGuid():N}.sql");

    private string Base => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;

    [Fact]
    public async Task The_schema_is_printed_applied_and_checked_from_the_command_line_and_a_checking_host_refuses_a_database_behind()
    {
        var (code, sortie) = await LancerAsync(["db-assert"]);
        Assert.True(code != 0, $"db-assert passed on an empty database:{Environment.NewLine}{sortie}");

        // Refused at start, before listening: nothing of the schema is created.
        (code, sortie) = await LancerAsync([], ("CPRO_SCHEMA", "verifier"));
        Assert.True(code != 0, $"A checking host started on an empty database:{Environment.NewLine}{sortie}");
        Assert.Equal(0L, await TablesAsync());

        (code, sortie) = await LancerAsync(["db-patch", _patch]);
        Assert.True(code == 0, sortie);
        var sql = await File.ReadAllTextAsync(_patch);
        Assert.Contains("etablissements.mt_doc_etablissement", sql, StringComparison.Ordinal);
        Assert.Contains("scenarios.mt_doc_evaluation", sql, StringComparison.Ordinal);
        Assert.Contains("evenements.mt_events", sql, StringComparison.Ordinal);
        Assert.Equal(0L, await TablesAsync());

        (code, sortie) = await LancerAsync(["db-apply"]);
        Assert.True(code == 0, sortie);
        Assert.True(await TablesAsync() > 10);
        (code, sortie) = await LancerAsync(["db-assert"]);
        Assert.True(code == 0, sortie);

        // The schema in place, the checking host starts and is ready.
        var port = PortLibre();
        using var hote = Demarrer([], ("CPRO_SCHEMA", "verifier"), ("CPRO_URLS", $"http://127.0.0.1:{port}"));
        hote.BeginOutputReadLine();
        hote.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var chrono = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(hote.HasExited, "The checking host stopped although the schema was applied.");
            try
            {
                using var reponse = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (reponse.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            Assert.True(chrono.Elapsed < Delai, "The checking host was not ready in time.");
            await Task.Delay(200);
        }
        hote.Kill(entireProcessTree: true);
        await hote.WaitForExitAsync();
    }

    public async Task InitializeAsync()
    {
        await using var connexion = new NpgsqlConnection(_server);
        await connexion.OpenAsync();
        await using var commande = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connexion);
        await commande.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using (var connexion = new NpgsqlConnection(_server))
        {
            await connexion.OpenAsync();
            await using var commande = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connexion);
            await commande.ExecuteNonQueryAsync();
        }
        foreach (var fichier in Directory.GetFiles(Path.GetDirectoryName(_patch)!, Path.GetFileNameWithoutExtension(_patch) + "*"))
        {
            File.Delete(fichier);
        }
    }

    /// <summary>Tables of the store's schemas in the database.</summary>
    private async Task<long> TablesAsync()
    {
        await using var connexion = new NpgsqlConnection(Base);
        await connexion.OpenAsync();
        await using var commande = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema IN ('etablissements', 'referentiels', 'scenarios', 'periodes', 'evenements', 'cpro')",
            connexion);
        return (long)(await commande.ExecuteScalarAsync())!;
    }

    /// <summary>Runs the host with a command (or none: a start) to its end; its exit code and its output.</summary>
    private async Task<(int Code, string Sortie)> LancerAsync(string[] arguments, params (string Cle, string Valeur)[] reglages)
    {
        using var processus = Demarrer(arguments, [.. reglages, ("CPRO_URLS", $"http://127.0.0.1:{PortLibre()}")]);
        var sortie = processus.StandardOutput.ReadToEndAsync();
        var erreurs = processus.StandardError.ReadToEndAsync();
        using var delai = new CancellationTokenSource(Delai);
        await processus.WaitForExitAsync(delai.Token);
        return (processus.ExitCode, await sortie + await erreurs);
    }

    private Process Demarrer(string[] arguments, params (string Cle, string Valeur)[] reglages)
    {
        var (projet, dll) = HoteCompile.Chemins();
        var demarrage = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projet,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        demarrage.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            demarrage.ArgumentList.Add(argument);
        }
        foreach (var cle in demarrage.Environment.Keys.Where(k => k.StartsWith("CPRO_", StringComparison.Ordinal)).ToList())
        {
            demarrage.Environment.Remove(cle);
        }
        demarrage.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        demarrage.Environment["CPRO_DB"] = Base;
        demarrage.Environment["CPRO_DEMO"] = "false";
        demarrage.Environment["CPRO_MAIL_DIR"] = Path.Combine(Path.GetTempPath(), $"cpro-mail-{Guid.NewGuid():N}");
        foreach (var (cle, valeur) in reglages)
        {
            demarrage.Environment[cle] = valeur;
        }
        return Process.Start(demarrage)!;
    }

    private static int PortLibre()
    {
        using var ecoute = new TcpListener(IPAddress.Loopback, 0);
        ecoute.Start();
        return ((IPEndPoint)ecoute.LocalEndpoint).Port;
    }
}
