using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Cpro.Etablissements.Domain;
using Cpro.IntegrationTests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Siecle;

/// <summary>The host killed (SIGKILL) in the middle of a 5,000-learner import: the establishment holds nothing of it, and
/// the same import runs again after a restart. The host is the Release build of Cpro.Host in its own process, so that it
/// dies like a crashed server; the database is read directly.</summary>
public sealed class ArretBrutalTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Apprenants = 5_000;
    private const string AdminLogin = "admin";
    private const string AdminPassword = "Admin-Arret-2026";
    private static readonly TimeSpan Delai = TimeSpan.FromSeconds(90);
    private static readonly string[] Noms = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU", "ŒUVRAY", "LEFÈVRE", "GARNIER", "FAURE", "ROUSSEAU"];
    private static readonly string[] Prenoms = ["Léa", "Anaïs", "Hugo", "Chloé", "Noé", "Inès", "Jules", "Zoé", "Théo", "Maëlys", "Lucas", "Éloïse", "Rayan", "Jade", "Adam"];

    private readonly string _server = Environment.GetEnvironmentVariable("CPRO_TEST_DB")
        ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
    private readonly string _database = $"cpro_test_{Guid.NewGuid():N}";
    private readonly string _mailDir = Path.Combine(Path.GetTempPath(), $"cpro-mail-{Guid.NewGuid():N}");
    private readonly List<Hote> _hotes = [];

    [Fact]
    public async Task A_host_killed_in_the_middle_of_an_import_leaves_nothing_of_it_and_the_import_runs_again()
    {
        try
        {
            var uai = TestUai.Next();
            var export = Octets(Eleves(uai, Enumerable.Range(0, Apprenants).Select(i =>
                new Eleve($"{100000 + i}", null, Noms[i % Noms.Length], Prenoms[i / Noms.Length % Prenoms.Length], $"D{i % 200:000}"))));
            var premier = await DemarrerAsync();
            using (var admin = await premier.AdminAsync())
            {
                var creation = await admin.PostAsJsonAsync("/api/etablissements", new { uai, nom = $"Lycée {uai}", email = $"ce.{uai}@example.org" });
                Assert.True(creation.IsSuccessStatusCode, await creation.Content.ReadAsStringAsync());

                // The test holds the imports table: once the import has copied its learners and their accounts, it waits to
                // write its record, inside its transaction. The kill lands there every time, not by luck of timing.
                await using var verrou = await OuvrirAsync();
                await using (var transaction = await verrou.BeginTransactionAsync())
                {
                    await ExecuterAsync(verrou, """LOCK TABLE etablissements.mt_doc_importsiecle IN SHARE MODE""");
                    var import = admin.PostAsync($"/api/etablissements/{uai}/imports", Formulaire(("ElevesSansAdresses.xml", export)));
                    await using var sonde = await OuvrirAsync();
                    var chrono = Stopwatch.StartNew();
                    while (!await ImportSuspenduAsync(sonde))
                    {
                        if (import.IsCompleted)
                        {
                            using var reponse = await import;
                            Assert.Fail($"The import ended before reaching its last write: HTTP {(int)reponse.StatusCode} {await reponse.Content.ReadAsStringAsync()}");
                        }
                        Assert.True(chrono.Elapsed < Delai, "The import did not reach its last write in time.");
                        await Task.Delay(50);
                    }
                    // Its learners are in the table's pages already, not committed: what the kill must not leave behind.
                    Assert.True(await ScalaireAsync<long>(sonde, """SELECT pg_relation_size('etablissements.mt_doc_apprenant')""") > 0);

                    premier.Tuer();

                    await Assert.ThrowsAnyAsync<HttpRequestException>(() => import);
                    await transaction.RollbackAsync();
                }
            }
            // Released, the killed host's backend writes the record, then finds its client gone instead of a COMMIT and rolls
            // back; the database is read after that.
            await AttendreSansConnexionAsync();

            // Nothing of the import (all of it would need the COMMIT the host never sent), no account either.
            Assert.Equal((0, 0, 0), await EcritAsync(uai));

            var second = await DemarrerAsync();
            using (var admin = await second.AdminAsync())
            {
                var reponse = await admin.PostAsync($"/api/etablissements/{uai}/imports", Formulaire(("ElevesSansAdresses.xml", export)));
                var corps = await reponse.Content.ReadAsStringAsync();
                Assert.True(reponse.IsSuccessStatusCode, corps);
                var rapport = JsonDocument.Parse(corps).RootElement;
                var apprenants = rapport.GetProperty("apprenants");
                var (crees, inchanges) = (apprenants.GetProperty("crees").GetInt32(), apprenants.GetProperty("inchanges").GetInt32());
                Assert.Equal(Apprenants, crees + inchanges);
                Assert.Equal((0, 0, 0), (apprenants.GetProperty("misAJour").GetInt32(), apprenants.GetProperty("desactives").GetInt32(),
                    apprenants.GetProperty("rejets").GetArrayLength()));
                Assert.Equal(crees, rapport.GetProperty("comptesCrees").GetInt32());
            }
            Assert.Equal((Apprenants, 1, Apprenants), await EcritAsync(uai));
        }
        catch
        {
            foreach (var hote in _hotes)
            {
                output.WriteLine(hote.Journal());
            }
            throw;
        }
    }

    /// <summary>A backend of this database waits for the imports table, inside a transaction that has written (it has a
    /// transaction id) and holds an advisory lock (the import's): the import, between its copies and its record.</summary>
    private static async Task<bool> ImportSuspenduAsync(NpgsqlConnection sonde)
    {
        await using var commande = new NpgsqlCommand("""
            SELECT EXISTS (
                SELECT 1 FROM pg_locks attente
                WHERE attente.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND attente.relation = 'etablissements.mt_doc_importsiecle'::regclass AND NOT attente.granted
                  AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = attente.pid AND l.locktype = 'transactionid' AND l.granted)
                  AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = attente.pid AND l.locktype = 'advisory' AND l.granted))
            """, sonde);
        return (bool)(await commande.ExecuteScalarAsync())!;
    }

    /// <summary>Learners, imports and SIECLE accounts of the establishment, as committed.</summary>
    private async Task<(long Apprenants, long Imports, long Comptes)> EcritAsync(string uai)
    {
        await using var connexion = await OuvrirAsync();
        await using var commande = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM etablissements.mt_doc_apprenant a WHERE a.tenant_id = e.id::text),
                   (SELECT count(*) FROM etablissements.mt_doc_importsiecle i WHERE i.tenant_id = e.id::text),
                   (SELECT count(*) FROM etablissements.mt_doc_utilisateur u WHERE u.tenant_id = e.id::text AND u.data ->> 'Source' = @source)
            FROM etablissements.mt_doc_etablissement e WHERE e.data ->> 'Uai' = @uai
            """, connexion);
        commande.Parameters.AddWithValue("uai", uai);
        commande.Parameters.AddWithValue("source", Utilisateur.SourceSiecle);
        await using var lecteur = await commande.ExecuteReaderAsync();
        Assert.True(await lecteur.ReadAsync(), $"Establishment {uai} not found.");
        return (lecteur.GetInt64(0), lecteur.GetInt64(1), lecteur.GetInt64(2));
    }

    private async Task AttendreSansConnexionAsync()
    {
        await using var sonde = await OuvrirAsync();
        var chrono = Stopwatch.StartNew();
        while (await ScalaireAsync<long>(sonde, """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
            """) > 0)
        {
            Assert.True(chrono.Elapsed < Delai, "The killed host's connections did not end.");
            await Task.Delay(100);
        }
    }

    private async Task<Hote> DemarrerAsync()
    {
        var hote = Hote.Demarrer(new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString, _mailDir);
        _hotes.Add(hote);
        await hote.AttendrePretAsync();
        return hote;
    }

    /// <summary>Without pooling: a connection closed is gone from pg_stat_activity.</summary>
    private async Task<NpgsqlConnection> OuvrirAsync()
    {
        var connexion = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = _database, Pooling = false }.ConnectionString);
        await connexion.OpenAsync();
        return connexion;
    }

    private static async Task ExecuterAsync(NpgsqlConnection connexion, string sql)
    {
        await using var commande = new NpgsqlCommand(sql, connexion);
        await commande.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalaireAsync<T>(NpgsqlConnection connexion, string sql)
    {
        await using var commande = new NpgsqlCommand(sql, connexion);
        return (T)(await commande.ExecuteScalarAsync())!;
    }

    public async Task InitializeAsync()
    {
        await using var connexion = new NpgsqlConnection(_server);
        await connexion.OpenAsync();
        await ExecuterAsync(connexion, $"CREATE DATABASE \"{_database}\"");
    }

    public async Task DisposeAsync()
    {
        foreach (var hote in _hotes)
        {
            hote.Dispose();
        }
        await using (var connexion = new NpgsqlConnection(_server))
        {
            await connexion.OpenAsync();
            await ExecuterAsync(connexion, $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }
        if (Directory.Exists(_mailDir))
        {
            Directory.Delete(_mailDir, recursive: true);
        }
    }

    /// <summary>Cpro.Host in its own process on a free port, its console kept to be shown if the test fails.</summary>
    private sealed class Hote : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _journal = new();

        private Hote(Process process, Uri adresse)
        {
            _process = process;
            Adresse = adresse;
        }

        public Uri Adresse { get; }

        public static Hote Demarrer(string connectionString, string mailDir)
        {
            var (projet, dll) = HoteCompile.Chemins();
            var adresse = new Uri($"http://127.0.0.1:{PortLibre()}");
            // From its project folder, as `dotnet run` in build/run.sh: its content root, with wwwroot.
            var demarrage = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { dll },
                WorkingDirectory = projet,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // Only this test's settings: none inherited from whoever runs the tests.
            foreach (var cle in demarrage.Environment.Keys.Where(k => k.StartsWith("CPRO_", StringComparison.Ordinal)).ToList())
            {
                demarrage.Environment.Remove(cle);
            }
            demarrage.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            demarrage.Environment["CPRO_DB"] = connectionString;
            demarrage.Environment["CPRO_URLS"] = adresse.ToString().TrimEnd('/');
            demarrage.Environment["CPRO_ADMIN_LOGIN"] = AdminLogin;
            demarrage.Environment["CPRO_ADMIN_PASSWORD"] = AdminPassword;
            demarrage.Environment["CPRO_DEMO"] = "false";
            demarrage.Environment["CPRO_MAIL_DIR"] = mailDir;
            demarrage.Environment["CPRO_IMPORT_MAX_MO"] = "50";
            var hote = new Hote(new Process { StartInfo = demarrage }, adresse);
            hote._process.OutputDataReceived += (_, e) => hote.Noter(e.Data);
            hote._process.ErrorDataReceived += (_, e) => hote.Noter(e.Data);
            hote._process.Start();
            hote._process.BeginOutputReadLine();
            hote._process.BeginErrorReadLine();
            return hote;
        }

        public async Task AttendrePretAsync()
        {
            using var client = new HttpClient { BaseAddress = Adresse, Timeout = TimeSpan.FromSeconds(5) };
            var chrono = Stopwatch.StartNew();
            while (true)
            {
                Assert.False(_process.HasExited, $"The host stopped at start-up (exit code {(_process.HasExited ? _process.ExitCode : 0)}).");
                try
                {
                    using var reponse = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                    if (reponse.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet.
                }
                Assert.True(chrono.Elapsed < Delai, $"The host was not ready after {Delai.TotalSeconds} s.");
                await Task.Delay(200);
            }
        }

        /// <summary>A client signed in as the platform administrator.</summary>
        public async Task<HttpClient> AdminAsync()
        {
            var client = new HttpClient { BaseAddress = Adresse, Timeout = Delai };
            using var reponse = await client.PostAsJsonAsync("/api/auth/token", new { login = AdminLogin, password = AdminPassword });
            Assert.True(reponse.IsSuccessStatusCode, await reponse.Content.ReadAsStringAsync());
            var jeton = (await reponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton);
            return client;
        }

        /// <summary>SIGKILL on Linux: no shutdown, no flush, no rollback sent to the database.</summary>
        public void Tuer()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public string Journal() =>
            $"--- Host {Adresse} (last {Math.Min(_journal.Count, 200)} of {_journal.Count} lines) ---{Environment.NewLine}"
            + string.Join(Environment.NewLine, _journal.TakeLast(200));

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Tuer();
            }
            _process.Dispose();
        }

        private void Noter(string? ligne)
        {
            if (ligne is not null)
            {
                _journal.Enqueue(ligne);
            }
        }

        private static int PortLibre()
        {
            using var ecoute = new TcpListener(IPAddress.Loopback, 0);
            ecoute.Start();
            return ((IPEndPoint)ecoute.LocalEndpoint).Port;
        }
    }
}
