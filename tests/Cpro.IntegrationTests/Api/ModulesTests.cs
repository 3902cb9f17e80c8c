using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;

namespace Cpro.IntegrationTests.Api;

[Collection(CproCollection.Name)]
public sealed class ModulesTests(CproFactory factory)
{
    private static readonly string[] Neuf =
        ["Etablissements", "Referentiels", "Scenarios", "Periodes", "Portfolio", "Book", "Bilans", "Transferts", "Certification"];

    [Fact]
    public async Task Ops_lists_the_nine_modules_with_name_display_name_and_status()
    {
        using var admin = await factory.AdminClientAsync();

        var modules = await admin.GetFromJsonAsync<JsonElement>("/ops/modules");

        Assert.Equal(Neuf, modules.EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var etablissements = modules.EnumerateArray().First();
        Assert.Equal("Établissements", etablissements.GetProperty("displayName").GetString());
        Assert.Equal("disponible", etablissements.GetProperty("status").GetString());
        Assert.Equal("disponible", modules.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Portfolio").GetProperty("status").GetString());
        Assert.Equal("disponible", modules.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Book").GetProperty("status").GetString());
        Assert.Equal("à venir", modules.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Transferts").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_module_answers_its_status_to_an_establishment_user()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var enseignant = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Enseignant));

        foreach (var module in Neuf)
        {
            var statut = await enseignant.GetFromJsonAsync<JsonElement>($"/api/{module.ToLowerInvariant()}/statut");
            Assert.Equal(module, statut.GetProperty("module").GetString());
        }
    }

    [Fact]
    public async Task Switching_a_module_off_hides_its_routes_from_that_establishment_only_and_on_brings_them_back()
    {
        var uai = await factory.CreerEtablissementAsync();
        var autre = await factory.CreerEtablissementAsync();
        using var administrateur = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        using var enseignant = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Enseignant));
        using var voisin = await factory.ClientAsync(await factory.CreerUtilisateurAsync(autre, Profils.Enseignant));
        Assert.Equal(HttpStatusCode.OK, (await enseignant.GetAsync("/api/portfolio/statut")).StatusCode);
        var avant = DateTimeOffset.UtcNow;

        var off = await administrateur.PutAsJsonAsync($"/api/etablissements/{uai}/modules/portfolio", new { actif = false });

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        var switched = await off.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(switched.GetProperty("actif").GetBoolean());
        var disabled = await (await enseignant.GetAsync("/api/portfolio/statut")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Module désactivé pour cet établissement", disabled.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await voisin.GetAsync("/api/portfolio/statut")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await enseignant.GetAsync("/api/scenarios/statut")).StatusCode);

        var liste = await administrateur.GetFromJsonAsync<JsonElement>($"/api/etablissements/{uai}/modules");
        var portfolio = liste.EnumerateArray().Single(m => m.GetProperty("module").GetString() == "Portfolio");
        Assert.False(portfolio.GetProperty("actif").GetBoolean());
        Assert.Equal(switched.GetProperty("modifiePar").GetString(), portfolio.GetProperty("modifiePar").GetString());
        Assert.StartsWith("administrateur.", portfolio.GetProperty("modifiePar").GetString(), StringComparison.Ordinal);
        Assert.InRange(portfolio.GetProperty("modifieLe").GetDateTimeOffset(), avant.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));

        var on = await administrateur.PutAsJsonAsync($"/api/etablissements/{uai}/modules/Portfolio", new { actif = true });

        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await enseignant.GetAsync("/api/portfolio/statut")).StatusCode);
    }

    [Fact]
    public async Task Platform_administrator_switches_any_establishment_and_is_recorded()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PutAsJsonAsync($"/api/etablissements/{uai}/modules/bilans", new { actif = false });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var liste = await admin.GetFromJsonAsync<JsonElement>($"/api/etablissements/{uai}/modules");
        var bilans = liste.EnumerateArray().Single(m => m.GetProperty("module").GetString() == "Bilans");
        Assert.Equal(CproFactory.AdminLogin, bilans.GetProperty("modifiePar").GetString());
        Assert.Equal(9, liste.GetArrayLength());
    }

    [Fact]
    public async Task An_establishment_administrator_cannot_read_or_switch_another_establishment()
    {
        var uai = await factory.CreerEtablissementAsync();
        var autre = await factory.CreerEtablissementAsync();
        using var administrateur = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        using var admin = await factory.AdminClientAsync();

        var put = await administrateur.PutAsJsonAsync($"/api/etablissements/{autre}/modules/portfolio", new { actif = false });
        var get = await administrateur.GetAsync($"/api/etablissements/{autre}/modules");

        await put.AssertProblemAsync(HttpStatusCode.Forbidden);
        await get.AssertProblemAsync(HttpStatusCode.Forbidden);
        var liste = await admin.GetFromJsonAsync<JsonElement>($"/api/etablissements/{autre}/modules");
        Assert.All(liste.EnumerateArray(), m => Assert.True(m.GetProperty("actif").GetBoolean()));
    }

    [Fact]
    public async Task Other_profiles_cannot_switch_their_own_establishment()
    {
        var uai = await factory.CreerEtablissementAsync();

        foreach (var profil in new[] { Profils.Enseignant, Profils.Ddftp, Profils.ChefEtablissement, Profils.Eleve })
        {
            using var client = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, profil));
            var response = await client.PutAsJsonAsync($"/api/etablissements/{uai}/modules/portfolio", new { actif = false });
            await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Etablissements_cannot_be_switched_off()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PutAsJsonAsync($"/api/etablissements/{uai}/modules/etablissements", new { actif = false });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Le module Établissements ne peut pas être désactivé."], problem.Errors("module"));
    }

    [Fact]
    public async Task Unknown_module_or_establishment_gets_404_and_missing_state_400()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var admin = await factory.AdminClientAsync();

        var module = await admin.PutAsJsonAsync($"/api/etablissements/{uai}/modules/inexistant", new { actif = false });
        var etablissement = await admin.PutAsJsonAsync($"/api/etablissements/{TestUai.Next()}/modules/portfolio", new { actif = false });
        var missing = await admin.PutAsJsonAsync($"/api/etablissements/{uai}/modules/portfolio", new { });

        Assert.Equal("Module inconnu : inexistant.", (await module.AssertProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        await etablissement.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Single((await missing.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("actif"));
    }
}
