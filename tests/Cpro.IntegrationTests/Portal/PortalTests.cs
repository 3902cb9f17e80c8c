using System.Net;
using System.Net.Http.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;

namespace Cpro.IntegrationTests.Portal;

/// <summary>The server-rendered portal, read as HTML.</summary>
[Collection(CproCollection.Name)]
public sealed class PortalTests(CproFactory factory)
{
    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_login_page()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var home = await client.GetAsync("/");
        var login = await client.GetStringAsync("/connexion");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/connexion", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\"", login, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", login, StringComparison.Ordinal);
        Assert.Contains("<label for=\"login\">Identifiant <span class=\"champ-obligatoire\" aria-hidden=\"true\">*</span></label>", login, StringComparison.Ordinal);
        Assert.Contains("Les champs marqués d'un", System.Net.WebUtility.HtmlDecode(login), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_shows_only_switched_on_modules_and_a_switched_off_page_answers_404()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var administrateur = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        using var enseignant = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Enseignant));
        var avant = await enseignant.GetStringAsync("/");
        Assert.Contains("href=\"/periodes/officielles\"", avant, StringComparison.Ordinal);
        Assert.Contains("Fonctionnalités à venir", await enseignant.GetStringAsync("/transferts"), StringComparison.Ordinal);

        (await administrateur.PutAsJsonAsync($"/api/etablissements/{uai}/modules/periodes", new { actif = false })).EnsureSuccessStatusCode();
        (await administrateur.PutAsJsonAsync($"/api/etablissements/{uai}/modules/portfolio", new { actif = false })).EnsureSuccessStatusCode();

        var apres = await enseignant.GetStringAsync("/");
        Assert.DoesNotContain("href=\"/periodes/officielles\"", apres, StringComparison.Ordinal);
        Assert.Contains("href=\"/scenarios\"", apres, StringComparison.Ordinal);
        var page = await enseignant.GetAsync("/periodes/officielles");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Module désactivé pour cet établissement", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var aVenir = await enseignant.GetAsync("/portfolio");
        Assert.Equal(HttpStatusCode.NotFound, aVenir.StatusCode);
        Assert.Contains("Module désactivé pour cet établissement", await aVenir.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_differs_by_profile_and_administration_pages_follow_profiles()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var admin = await factory.AdminClientAsync();
        using var administrateur = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        using var eleve = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Eleve));

        var plateforme = await admin.GetStringAsync("/");
        var etablissement = await administrateur.GetStringAsync("/");
        var apprenant = await eleve.GetStringAsync("/");

        Assert.Contains("Établissements de la plateforme", plateforme, StringComparison.Ordinal);
        Assert.Contains("href=\"/administration/etablissements\"", plateforme, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/portfolio\"", plateforme, StringComparison.Ordinal);
        Assert.Contains("Dernier import SIECLE / STS-web", etablissement, StringComparison.Ordinal);
        Assert.Contains("href=\"/administration/modules\"", etablissement, StringComparison.Ordinal);
        Assert.Contains("Vos derniers positionnements", apprenant, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/administration/modules\"", apprenant, StringComparison.Ordinal);
        Assert.Contains("Modules de l'établissement " + uai, await administrateur.GetStringAsync("/administration/modules"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await eleve.GetAsync("/administration/modules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await administrateur.GetAsync("/administration/etablissements")).StatusCode);
    }

    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_refused()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var login = await client.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "connexion", ["Input.Login"] = CproFactory.AdminLogin, ["Input.Password"] = CproFactory.AdminPassword,
        }));
        var logout = await client.PostAsync("/deconnexion", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
    }
}
