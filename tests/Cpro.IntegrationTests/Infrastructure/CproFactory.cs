using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cpro.Etablissements.Domain;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cpro.IntegrationTests.Infrastructure;

/// <summary>The real host on a fresh PostgreSQL database for this test run (CPRO_TEST_DB names the cluster; build/test.sh sets it).</summary>
public class CproFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminLogin = "admin";
    public const string AdminPassword = "Admin-Test-2026";
    public const string MotDePasse = "Motdepasse-Test-2026";
    public const long ImportMaxMo = 2;

    // The host ends with JasperFx's command runner, which starts it only when told to.
    static CproFactory() => JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;

    private readonly string _server = Environment.GetEnvironmentVariable("CPRO_TEST_DB")
        ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    public string Database { get; } = $"cpro_test_{Guid.NewGuid():N}";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = Database }.ConnectionString;

    public string ServerConnectionString => _server;

    /// <summary>Without SMTP, emails are files here.</summary>
    public string MailDir { get; } = Path.Combine(Path.GetTempPath(), $"cpro-mail-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("CPRO_DB", ConnectionString);
        builder.UseSetting("CPRO_ADMIN_LOGIN", AdminLogin);
        builder.UseSetting("CPRO_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("CPRO_MAIL_DIR", MailDir);
        builder.UseSetting("CPRO_MAIL_INTERVAL_MS", "200");
        // The portfolio's daily digests run when a test asks (EnvoyerResumes.Service.EnvoyerAsync), at the instant it names.
        builder.UseSetting("CPRO_RESUMES_INTERVALLE_S", "86400");
        builder.UseSetting("CPRO_IMPORT_MAX_MO", ImportMaxMo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FailingRouteStartupFilter>());
    }

    public virtual async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Database}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        if (Directory.Exists(MailDir))
        {
            Directory.Delete(MailDir, recursive: true);
        }
    }

    public async Task<string> TokenAsync(string login, string password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { login, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return token!.AccessToken;
    }

    public async Task<HttpClient> ClientAsync(string login, string password = MotDePasse)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(login, password));
        return client;
    }

    public Task<HttpClient> AdminClientAsync() => ClientAsync(AdminLogin, AdminPassword);

    /// <summary>A new establishment, created through the API by the platform administrator.</summary>
    public async Task<string> CreerEtablissementAsync(string? nom = null)
    {
        var uai = TestUai.Next();
        using var admin = await AdminClientAsync();
        var response = await admin.PostAsJsonAsync("/api/etablissements", new { uai, nom = nom ?? $"Lycée {uai}", email = $"ce.{uai}@example.org" });
        response.EnsureSuccessStatusCode();
        return uai;
    }

    /// <summary>An account with a known, chosen password, written straight to the database (no temporary password to change).</summary>
    public async Task<string> CreerUtilisateurAsync(string uai, string profil)
    {
        var hasher = Services.GetRequiredService<IPasswordHasher<Identifiants>>();
        var login = $"{profil.ToLowerInvariant()}.{Guid.NewGuid():N}"[..30];
        var identifiants = new Identifiants { Login = login, MotDePasseHash = "" };
        identifiants.MotDePasseHash = hasher.HashPassword(identifiants, MotDePasse);
        await using var session = Documents(await EtablissementIdAsync(uai));
        session.Insert(new Utilisateur { Identifiants = identifiants, Nom = "Test", Prenom = profil, Profils = [profil] });
        await session.SaveChangesAsync();
        return login;
    }

    /// <summary>The email sent to that address, once the outbox has written it (a few hundred milliseconds).</summary>
    public async Task<string> CourrielAsync(string destinataire, string? contenant = null)
    {
        for (var essai = 0; essai < 100; essai++)
        {
            if (Directory.Exists(MailDir))
            {
                foreach (var fichier in Directory.GetFiles(MailDir, "*.eml"))
                {
                    var contenu = await File.ReadAllTextAsync(fichier);
                    if (contenu.Contains($"To: {destinataire}\r\n", StringComparison.Ordinal)
                        && (contenant is null || contenu.Contains(contenant, StringComparison.Ordinal)))
                    {
                        return contenu;
                    }
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Aucun courriel pour {destinataire}.");
    }

    /// <summary>Learners and imports of an establishment in the database: what an import wrote, or did not.</summary>
    public async Task<(int Apprenants, int Imports)> EcritAsync(string uai)
    {
        await using var session = Documents(await EtablissementIdAsync(uai));
        return (await session.Query<Cpro.Etablissements.Siecle.Apprenant>().CountAsync(), await session.Query<Cpro.Etablissements.Siecle.ImportSiecle>().CountAsync());
    }

    /// <summary>An establishment's id, asked as other modules ask it (Contracts).</summary>
    public async Task<Guid> EtablissementIdAsync(string uai)
    {
        using var scope = Services.CreateScope();
        var etablissement = await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new Cpro.Etablissements.Contracts.TrouverEtablissement(uai));
        return etablissement?.Id ?? throw new InvalidOperationException($"Établissement {uai} introuvable.");
    }

    /// <summary>A document session of that establishment (none: global documents only), straight on the store: what was
    /// written, read back as the modules read it. The caller disposes it.</summary>
    public Marten.IDocumentSession Documents(Guid? etablissementId = null) =>
        Services.GetRequiredService<Marten.IDocumentStore>().LightweightSession(Cpro.Kernel.Persistence.UnitOfWork.Tenant(etablissementId));

    private sealed record TokenResponse(string AccessToken);
}

[CollectionDefinition(Name)]
public sealed class CproCollection : ICollectionFixture<CproFactory>
{
    public const string Name = "cpro";
}
