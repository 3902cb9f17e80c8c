using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Portal;

/// <summary>The establishment's administration pages, read as HTML: right profile, right establishment.</summary>
[Collection(CproCollection.Name)]
public sealed class AdministrationPagesTests(CproFactory factory)
{
    private static readonly string[] Pages =
        ["/administration/parametres", "/administration/utilisateurs", "/administration/utilisateurs/nouveau", "/administration/acces", "/administration/courriels"];

    [Fact]
    public async Task Access_codes_page_lists_new_learners_codes_by_class_for_printing_and_export()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var admin = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        var import = await admin.PostAsync($"/api/etablissements/{uai}/imports", Formulaire(("ElevesSansAdresses.xml", Octets(Eleves(uai,
            [new Eleve("8001", "180456789AB", "GARNIER", "Jade", "1MELEC"), new Eleve("8002", "180456790AC", "FAURE", "Noé", "2MELEC1")])))));
        Assert.True(import.IsSuccessStatusCode);
        var code = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/etablissements/{uai}/acces?division=1MELEC"))!.Single().GetProperty("code").GetString()!;

        var page = await admin.GetStringAsync("/administration/acces?public=apprenants&division=1MELEC");

        Assert.Contains("GARNIER Jade", page, StringComparison.Ordinal);
        Assert.Contains($"<code>{code}</code>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("FAURE", page, StringComparison.Ordinal);
        Assert.Contains("onclick=\"window.print()\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/etablissements/{uai}/acces.csv?public=apprenants&amp;division=1MELEC\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_user_is_not_offered_until_the_establishment_has_a_name_and_an_email()
    {
        var uai = TestUai.Next();
        using (var plateforme = await factory.AdminClientAsync())
        {
            (await plateforme.PostAsJsonAsync("/api/etablissements", new { uai, nom = "Lycée sans courriel" })).EnsureSuccessStatusCode();
        }
        using var admin = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));

        var sans = await admin.GetStringAsync("/administration/utilisateurs");
        Assert.DoesNotContain("Nouvel utilisateur", sans, StringComparison.Ordinal);
        Assert.Contains("renseignez d'abord le nom et l'adresse électronique", sans, StringComparison.Ordinal);

        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/etablissements/{uai}/parametres")).GetProperty("version").GetUInt32();
        (await admin.PutAsJsonAsync($"/api/etablissements/{uai}/parametres", new { nom = "Lycée sans courriel", email = "ce@example.org", version })).EnsureSuccessStatusCode();
        Assert.Contains("href=\"/administration/utilisateurs/nouveau\"", await admin.GetStringAsync("/administration/utilisateurs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administration_pages_are_refused_to_other_profiles_and_never_show_another_establishment()
    {
        var uai = await factory.CreerEtablissementAsync();
        var autre = await factory.CreerEtablissementAsync();
        using var enseignant = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Enseignant));
        using var chef = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.ChefEtablissement));
        using var etranger = await factory.ClientAsync(await factory.CreerUtilisateurAsync(autre, Profils.Administrateur));
        var victime = await factory.CreerUtilisateurAsync(uai, Profils.Eleve);
        using var plateforme = await factory.AdminClientAsync();
        var id = (await plateforme.GetFromJsonAsync<JsonElement[]>($"/api/etablissements/{uai}/utilisateurs"))!
            .Single(u => u.GetProperty("login").GetString() == victime).GetProperty("id").GetGuid();

        foreach (var page in Pages)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await enseignant.GetAsync(page)).StatusCode);
        }
        // The platform administrator is not offered, nor shown, an establishment's temporary passwords or emails.
        Assert.Equal(HttpStatusCode.Forbidden, (await plateforme.GetAsync("/administration/acces")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await plateforme.GetAsync("/administration/courriels")).StatusCode);
        var accueil = await plateforme.GetStringAsync("/");
        Assert.Contains("href=\"/administration/etablissements\"", accueil, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/administration/acces\"", accueil, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/administration/courriels\"", accueil, StringComparison.Ordinal);
        Assert.Contains("Paramètres de l'établissement", await chef.GetStringAsync("/administration/parametres"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await chef.GetAsync("/administration/utilisateurs")).StatusCode);
        var fiche = await etranger.GetStringAsync($"/administration/utilisateurs/{id}");
        Assert.Contains("Utilisateur introuvable dans cet établissement.", fiche, StringComparison.Ordinal);
        Assert.DoesNotContain(victime, fiche, StringComparison.Ordinal);
        await (await etranger.GetAsync($"/api/etablissements/{uai}/utilisateurs/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await etranger.GetAsync($"/api/etablissements/{autre}/utilisateurs/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_temporary_password_holder_is_sent_to_choose_a_password_first()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var admin = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        var cree = await (await admin.PostAsJsonAsync($"/api/etablissements/{uai}/utilisateurs",
            new { nom = "Provisoire", prenom = "Paul", email = "paul.provisoire@example.org", profil = Profils.Enseignant })).Content.ReadFromJsonAsync<JsonElement>();
        var code = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/etablissements/{uai}/acces?public=personnels"))!
            .Single(a => a.GetProperty("login").GetString() == cree.GetProperty("login").GetString()).GetProperty("code").GetString()!;
        using var provisoire = await factory.ClientAsync(cree.GetProperty("login").GetString()!, code);

        var accueil = await provisoire.GetAsync("/");
        var scenarios = await provisoire.GetAsync("/scenarios");

        Assert.Equal(HttpStatusCode.Redirect, accueil.StatusCode);
        Assert.Equal("/mot-de-passe", accueil.Headers.Location!.OriginalString);
        Assert.Equal("/mot-de-passe", scenarios.Headers.Location!.OriginalString);
        Assert.Contains("mot de passe provisoire : choisissez le vôtre", await provisoire.GetStringAsync("/mot-de-passe"), StringComparison.Ordinal);
    }
}
