using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Startup;
using Cpro.Host.Identity;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cpro.IntegrationTests.Api;

[Collection(CproCollection.Name)]
public sealed class AuthentificationTests(CproFactory factory)
{
    [Fact]
    public async Task Platform_administrator_from_the_environment_gets_a_bearer_token()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { login = CproFactory.AdminLogin, password = CproFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.False(string.IsNullOrEmpty(body!["accessToken"].ToString()));
    }

    [Fact]
    public async Task Bad_credentials_get_401_with_a_French_message()
    {
        using var client = factory.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/auth/token", new { login = CproFactory.AdminLogin, password = "faux" });
        var unknown = await client.PostAsJsonAsync("/api/auth/token", new { login = "personne", password = "faux" });

        Assert.Equal("Identifiant ou mot de passe incorrect.", (await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        Assert.Equal("Identifiant ou mot de passe incorrect.", (await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_login_and_password_get_400_per_field()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { login = "", password = "" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["L'identifiant est obligatoire."], problem.Errors("login"));
        Assert.Equal(["Le mot de passe est obligatoire."], problem.Errors("password"));
    }

    [Fact]
    public async Task Malformed_json_gets_400_problem_details()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/api/auth/token", new StringContent("{\"login\": ", Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("illisible", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_is_locked_after_five_failures_even_for_the_right_password()
    {
        var uai = await factory.CreerEtablissementAsync();
        var login = await factory.CreerUtilisateurAsync(uai, Profils.Enseignant);
        using var client = factory.CreateClient();

        for (var i = 0; i < Identifiants.EchecsAvantVerrouillage; i++)
        {
            var failure = await client.PostAsJsonAsync("/api/auth/token", new { login, password = "mauvais" });
            Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        }
        var locked = await client.PostAsJsonAsync("/api/auth/token", new { login, password = CproFactory.MotDePasse });

        var problem = await locked.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("verrouillé", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passwords_are_stored_hashed()
    {
        await using var db = factory.Documents();

        var admin = await db.Query<AdministrateurPlateforme>().SingleAsync(a => a.Identifiants.Login == CproFactory.AdminLogin);

        Assert.DoesNotContain(CproFactory.AdminPassword, admin.Identifiants.MotDePasseHash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", admin.Identifiants.MotDePasseHash, StringComparison.Ordinal); // ASP.NET Core Identity v3 (PBKDF2)
    }

    [Fact]
    public async Task Admin_seed_is_idempotent_and_never_overwrites_a_password()
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CPRO_ADMIN_LOGIN"] = CproFactory.AdminLogin,
            ["CPRO_ADMIN_PASSWORD"] = "Un-autre-mot-de-passe",
        }).Build();
        var seed = new AdministrateurPlateformeSeed(services.GetRequiredService<UnitOfWork>(), configuration,
            services.GetRequiredService<IPasswordHasher<Identifiants>>(), TimeProvider.System, NullLogger<AdministrateurPlateformeSeed>.Instance);

        await seed.RunAsync(CancellationToken.None);
        await seed.RunAsync(CancellationToken.None);

        await using var db = factory.Documents();
        Assert.Equal(1, await db.Query<AdministrateurPlateforme>().CountAsync(a => a.Identifiants.Login == CproFactory.AdminLogin));
        Assert.False(string.IsNullOrEmpty(await factory.TokenAsync(CproFactory.AdminLogin, CproFactory.AdminPassword)));
    }

    [Fact]
    public async Task A_platform_administrators_token_issued_before_a_password_change_is_refused_after_it()
    {
        // Another platform administrator than the shared one, whose password the other tests use.
        var login = $"plateforme.{Guid.NewGuid():N}"[..24];
        using (var scope = factory.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CPRO_ADMIN_LOGIN"] = login,
                ["CPRO_ADMIN_PASSWORD"] = CproFactory.AdminPassword,
            }).Build();
            await new AdministrateurPlateformeSeed(services.GetRequiredService<UnitOfWork>(), configuration,
                services.GetRequiredService<IPasswordHasher<Identifiants>>(), TimeProvider.System, NullLogger<AdministrateurPlateformeSeed>.Instance)
                .RunAsync(CancellationToken.None);
        }
        using var avant = await factory.ClientAsync(login, CproFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await avant.GetAsync("/ops/modules")).StatusCode);

        using var anonyme = factory.CreateClient();
        var change = await anonyme.PostAsJsonAsync("/api/auth/mot-de-passe",
            new { login, motDePasseActuel = CproFactory.AdminPassword, nouveauMotDePasse = "Plateforme-Nouvelle-2026" });
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);

        var refusee = await avant.GetAsync("/ops/modules");
        Assert.Equal("Session expirée", (await refusee.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("title").GetString());
        using var apres = await factory.ClientAsync(login, "Plateforme-Nouvelle-2026");
        Assert.Equal(HttpStatusCode.OK, (await apres.GetAsync("/ops/modules")).StatusCode);
    }

    [Fact]
    public void A_tickets_protected_text_is_read_once_and_each_request_gets_its_own_copy()
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        Assert.IsType<CachedTicketFormat>(options.Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat);
        Assert.IsType<CachedTicketFormat>(factory.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>()
            .Get(BearerTokenDefaults.AuthenticationScheme).BearerTokenProtector);

        var inner = new CountingFormat(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("essai")));
        var format = new CachedTicketFormat(inner, CachedTicketFormat.NewCache(), "essai");
        var texte = format.Protect(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(CproClaims.TamponSecurite, "t1")], "essai")), "essai"));

        var premier = format.Unprotect(texte)!;
        premier.Principal.Identities.Single().AddClaim(new Claim("ajout", "par une requête"));
        premier.Properties.Items["marque"] = "1";
        var second = format.Unprotect(texte)!;

        Assert.Equal(1, inner.Lectures);
        Assert.Equal("t1", second.Principal.FindFirst(CproClaims.TamponSecurite)?.Value);
        Assert.Null(second.Principal.FindFirst("ajout"));
        Assert.False(second.Properties.Items.ContainsKey("marque"));
        // A forged text is refused each time, and never kept.
        Assert.Null(format.Unprotect("pas-un-jeton"));
        Assert.Null(format.Unprotect("pas-un-jeton"));
        Assert.Equal(3, inner.Lectures);
    }

    private sealed class CountingFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Lectures { get; private set; }
        public string Protect(AuthenticationTicket data) => inner.Protect(data);
        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);
        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Lectures++;
            return inner.Unprotect(protectedText, purpose);
        }
    }

    [Fact]
    public async Task Api_without_token_gets_401_and_with_a_bad_token_too()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var anonymous = await client.GetAsync("/api/etablissements");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pas-un-jeton");
        var forged = await client.GetAsync("/api/etablissements");

        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task Establishment_users_get_403_on_platform_routes()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var client = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));

        var create = await client.PostAsJsonAsync("/api/etablissements", new { uai = TestUai.Next(), nom = "X", email = "x@example.org" });
        var catalogue = await client.GetAsync("/ops/modules");

        await create.AssertProblemAsync(HttpStatusCode.Forbidden);
        await catalogue.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
