using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using Cpro.Referentiels.Contracts;
using Cpro.Referentiels.Domain;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Referentiels;

/// <summary>An establishment subscribes to diplomas and maps their class levels to its divisions; its teachers see those only.</summary>
[Collection(CproCollection.Name)]
public sealed class AbonnementsTests(CproFactory factory)
{
    [Fact]
    public async Task Ddftp_subscribes_teachers_then_see_that_diploma_only_until_it_is_unsubscribed()
    {
        var uai = await EtablissementAvecDivisionsAsync();
        using var ddftp = await ClientAsync(uai, Profils.Ddftp);
        using var enseignant = await ClientAsync(uai, Profils.Enseignant);
        using var eleve = await ClientAsync(uai, Profils.Eleve);
        Assert.Empty((await enseignant.GetFromJsonAsync<JsonElement[]>("/api/referentiels"))!);
        await (await enseignant.GetAsync("/api/referentiels/BACPRO-MELEC")).AssertProblemAsync(HttpStatusCode.NotFound);

        var abonnement = await ddftp.PutAsJsonAsync("/api/referentiels/abonnements/bacpro-melec",
            new { niveaux = new[] { new { niveauClasse = "SECONDE", divisions = new[] { "2MELEC1", "2MELEC2" } }, new { niveauClasse = "PREMIERE", divisions = new[] { "1MELEC" } } } });

        Assert.Equal(HttpStatusCode.OK, abonnement.StatusCode);
        var dto = (await abonnement.Content.ReadFromJsonAsync<AbonnementDto>())!;
        Assert.Equal("BACPRO-MELEC", dto.Referentiel);
        Assert.Equal(["SECONDE:2MELEC1,2MELEC2", "PREMIERE:1MELEC"], dto.Niveaux.Select(n => $"{n.NiveauClasse}:{string.Join(',', n.Divisions)}"));
        foreach (var client in new[] { enseignant, eleve })
        {
            var visibles = (await client.GetFromJsonAsync<JsonElement[]>("/api/referentiels"))!;
            Assert.Equal(["BACPRO-MELEC"], visibles.Select(r => r.GetProperty("code").GetString()));
            Assert.True(visibles[0].GetProperty("abonne").GetBoolean());
            Assert.Equal(13, (await client.GetFromJsonAsync<ReferentielDto>("/api/referentiels/BACPRO-MELEC"))!.Competences.Count);
            await (await client.GetAsync("/api/referentiels/BACPRO-CIEL")).AssertProblemAsync(HttpStatusCode.NotFound);
        }
        var catalogue = (await ddftp.GetFromJsonAsync<JsonElement[]>("/api/referentiels"))!;
        Assert.True(catalogue.Length >= 5);
        Assert.Equal(["BACPRO-MELEC"], catalogue.Where(r => r.GetProperty("abonne").GetBoolean()).Select(r => r.GetProperty("code").GetString()));
        Assert.Equal("BACPRO-CIEL", (await ddftp.GetFromJsonAsync<ReferentielDto>("/api/referentiels/BACPRO-CIEL"))!.Code);
        var lus = (await enseignant.GetFromJsonAsync<AbonnementDto[]>("/api/referentiels/abonnements"))!;
        Assert.Equal("Métiers de l’Électricité et de ses Environnements Connectés", Assert.Single(lus).Intitule);

        // A PUT replaces the whole subscription.
        (await ddftp.PutAsJsonAsync("/api/referentiels/abonnements/BACPRO-MELEC",
            new { niveaux = new[] { new { niveauClasse = "TERMINALE", divisions = new[] { "TMELEC" } } } })).EnsureSuccessStatusCode();
        Assert.Equal(["TERMINALE"], Assert.Single((await ddftp.GetFromJsonAsync<AbonnementDto[]>("/api/referentiels/abonnements"))!).Niveaux.Select(n => n.NiveauClasse));

        var retrait = await ddftp.DeleteAsync("/api/referentiels/abonnements/BACPRO-MELEC");

        Assert.Equal(HttpStatusCode.NoContent, retrait.StatusCode);
        Assert.Empty((await enseignant.GetFromJsonAsync<JsonElement[]>("/api/referentiels"))!);
        await (await enseignant.GetAsync("/api/referentiels/BACPRO-MELEC")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ddftp.DeleteAsync("/api/referentiels/abonnements/BACPRO-MELEC")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Levels_and_divisions_are_checked_and_a_division_follows_one_diploma_level()
    {
        var uai = await EtablissementAvecDivisionsAsync();
        using var chef = await ClientAsync(uai, Profils.ChefEtablissement);
        (await chef.PutAsJsonAsync("/api/referentiels/abonnements/BACPRO-CIEL",
            new { niveaux = new[] { new { niveauClasse = "SECONDE", divisions = new[] { "2MELEC2" } } } })).EnsureSuccessStatusCode();

        async Task<string> RefusAsync(object niveaux, string code = "BACPRO-MELEC") =>
            (await (await chef.PutAsJsonAsync($"/api/referentiels/abonnements/{code}", new { niveaux }))
                .AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!;

        Assert.Equal("Le niveau BTS 1re année n'est pas un niveau de classe de « Métiers de l’Électricité et de ses Environnements Connectés » (Seconde, Première, Terminale).",
            await RefusAsync(new[] { new { niveauClasse = "BTS1", divisions = new[] { "2MELEC1" } } }));
        Assert.Equal("La division 2XYZ n'existe pas dans l'établissement.",
            await RefusAsync(new[] { new { niveauClasse = "SECONDE", divisions = new[] { "2XYZ" } } }));
        Assert.Equal("La division 2MELEC2 suit déjà « Cybersécurité, Informatique et réseaux, Électronique » en Seconde.",
            await RefusAsync(new[] { new { niveauClasse = "SECONDE", divisions = new[] { "2MELEC1", "2MELEC2" } } }));
        Assert.Equal("La division 1MELEC ne peut suivre qu'un niveau : elle figure en Seconde et en Première.",
            await RefusAsync(new[] { new { niveauClasse = "SECONDE", divisions = new[] { "1MELEC" } }, new { niveauClasse = "PREMIERE", divisions = new[] { "1MELEC" } } }));
        Assert.Equal("Le niveau Seconde figure plusieurs fois.",
            await RefusAsync(new[] { new { niveauClasse = "SECONDE", divisions = new[] { "2MELEC1" } }, new { niveauClasse = "SECONDE", divisions = new[] { "1MELEC" } } }));
        var sansNiveaux = await (await chef.PutAsJsonAsync("/api/referentiels/abonnements/BACPRO-MELEC", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Indiquez les niveaux de classe suivis (une liste, éventuellement vide)."], sansNiveaux.Errors("niveaux"));
        var mal = await (await chef.PutAsJsonAsync("/api/referentiels/abonnements/BACPRO-MELEC",
            new { niveaux = new object?[] { null, new { divisions = new[] { "" } }, new { niveauClasse = "SECONDE" } } })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(
            ["Un niveau de classe est vide.", "Le niveau de classe est obligatoire.", "Un code de division est vide.", "Indiquez les divisions de ce niveau (une liste, éventuellement vide)."],
            mal.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())));
        await (await chef.PutAsJsonAsync("/api/referentiels/abonnements/BACPRO-INCONNU", new { niveaux = Array.Empty<object>() })).AssertProblemAsync(HttpStatusCode.NotFound);
        // Re-saving the same diploma keeps its own divisions.
        (await chef.PutAsJsonAsync("/api/referentiels/abonnements/BACPRO-CIEL",
            new { niveaux = new[] { new { niveauClasse = "SECONDE", divisions = new[] { "2MELEC2" } } } })).EnsureSuccessStatusCode();
        Assert.Equal(["BACPRO-CIEL"], (await chef.GetFromJsonAsync<AbonnementDto[]>("/api/referentiels/abonnements"))!.Select(a => a.Referentiel));
    }

    [Fact]
    public async Task Only_the_establishment_managers_change_subscriptions_and_teachers_read_them()
    {
        var uai = await EtablissementAvecDivisionsAsync();
        using var enseignant = await ClientAsync(uai, Profils.Enseignant);
        using var eleve = await ClientAsync(uai, Profils.Eleve);
        using var plateforme = await factory.AdminClientAsync();
        var corps = new { niveaux = new[] { new { niveauClasse = "SECONDE", divisions = new[] { "2MELEC1" } } } };

        foreach (var client in new[] { enseignant, eleve, plateforme })
        {
            await (await client.PutAsJsonAsync("/api/referentiels/abonnements/BACPRO-MELEC", corps)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.DeleteAsync("/api/referentiels/abonnements/BACPRO-MELEC")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        Assert.Equal(HttpStatusCode.OK, (await enseignant.GetAsync("/api/referentiels/abonnements")).StatusCode);
        await (await eleve.GetAsync("/api/referentiels/abonnements")).AssertProblemAsync(HttpStatusCode.Forbidden);
        foreach (var profil in new[] { Profils.Administrateur, Profils.ChefEtablissement, Profils.Ddftp })
        {
            using var gestionnaire = await ClientAsync(uai, profil);
            Assert.Equal(HttpStatusCode.OK, (await gestionnaire.PutAsJsonAsync("/api/referentiels/abonnements/BACPRO-MELEC", corps)).StatusCode);
        }
    }

    [Fact]
    public async Task Another_establishments_subscription_is_invisible()
    {
        var uai = await EtablissementAvecDivisionsAsync();
        var autre = await factory.CreerEtablissementAsync();
        using var ddftp = await ClientAsync(uai, Profils.Ddftp);
        using var voisinDdftp = await ClientAsync(autre, Profils.Ddftp);
        using var voisinEnseignant = await ClientAsync(autre, Profils.Enseignant);
        (await ddftp.PutAsJsonAsync("/api/referentiels/abonnements/BACPRO-MFER",
            new { niveaux = new[] { new { niveauClasse = "SECONDE", divisions = new[] { "2MELEC1" } } } })).EnsureSuccessStatusCode();

        Assert.Empty((await voisinDdftp.GetFromJsonAsync<AbonnementDto[]>("/api/referentiels/abonnements"))!);
        Assert.False((await voisinDdftp.GetFromJsonAsync<JsonElement[]>("/api/referentiels"))!
            .Single(r => r.GetProperty("code").GetString() == "BACPRO-MFER").GetProperty("abonne").GetBoolean());
        Assert.Empty((await voisinEnseignant.GetFromJsonAsync<JsonElement[]>("/api/referentiels"))!);
        await (await voisinEnseignant.GetAsync("/api/referentiels/BACPRO-MFER")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await voisinDdftp.DeleteAsync("/api/referentiels/abonnements/BACPRO-MFER")).AssertProblemAsync(HttpStatusCode.NotFound);
        // Other modules read the subscriptions of the establishment they name.
        await using var scope = factory.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var etablissement = await EtablissementIdAsync(uai);
        var abonnements = await mediator.Send(new ListerAbonnements(etablissement));
        Assert.Equal("2MELEC1", Assert.Single(Assert.Single(abonnements).Niveaux).Divisions.Single());
    }

    [Theory]
    [InlineData("24023302210", "SECONDE")]
    [InlineData("24123302210", "PREMIERE")]
    [InlineData("24223302210", "TERMINALE")]
    [InlineData("50022521210", "CAP1")]
    [InlineData("50122521210", "CAP2")]
    [InlineData("32031213210", "BTS1")]
    [InlineData("99999999999", null)]
    [InlineData("", null)]
    public void A_mef_says_its_class_level(string mef, string? niveau) => Assert.Equal(niveau, NiveauxMef.NiveauDe(mef));

    [Fact]
    public async Task The_page_offers_a_division_at_the_level_of_its_mef_unless_all_are_asked_for()
    {
        var uai = await EtablissementAvecDivisionsAsync();
        using var ddftp = await ClientAsync(uai, Profils.Ddftp);
        // 1MELEC subscribed in Terminale by the API: a ticked division stays offered where it is.
        (await ddftp.PutAsJsonAsync("/api/referentiels/abonnements/BACPRO-MELEC",
            new { niveaux = new[] { new { niveauClasse = "TERMINALE", divisions = new[] { "1MELEC" } } } })).EnsureSuccessStatusCode();

        var parNiveau = Divisions(await ddftp.GetStringAsync("/referentiels/abonnements"));
        var toutes = Divisions(await ddftp.GetStringAsync("/referentiels/abonnements?toutes=true"));

        Assert.Equal(["2MELEC1", "2MELEC2", "ULIS"], parNiveau["Seconde"]);
        Assert.Equal(["1MELEC", "ULIS"], parNiveau["Première"]);
        Assert.Equal(["1MELEC", "TMELEC", "ULIS"], parNiveau["Terminale"]);
        Assert.All(toutes.Values, divisions => Assert.Equal(5, divisions.Count));
    }

    /// <summary>The divisions offered per level in MELEC's subscription form.</summary>
    private static Dictionary<string, List<string>> Divisions(string page)
    {
        var debut = page.IndexOf("value=\"abonner-BACPRO-MELEC\"", StringComparison.Ordinal);
        var formulaire = page[debut..page.IndexOf("</form>", debut, StringComparison.Ordinal)];
        return Regex.Matches(formulaire, "<legend>([^<]+)</legend>(.*?)</fieldset>", RegexOptions.Singleline).ToDictionary(
            m => WebUtility.HtmlDecode(m.Groups[1].Value),
            m => Regex.Matches(m.Groups[2].Value, "<label for=\"[^\"]+\">([^<]+)</label>").Select(l => l.Groups[1].Value).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task The_module_switched_off_answers_404()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var administrateur = await ClientAsync(uai, Profils.Administrateur);
        (await administrateur.PutAsJsonAsync($"/api/etablissements/{uai}/modules/referentiels", new { actif = false })).EnsureSuccessStatusCode();

        var probleme = await (await administrateur.GetAsync("/api/referentiels")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Module désactivé pour cet établissement", probleme.GetProperty("title").GetString());
    }

    /// <summary>An establishment with divisions 2MELEC1, 2MELEC2, 1MELEC and TMELEC (their MEFs say their level), and ULIS
    /// (a MEF that says no level), imported from STS-web by its administrator.</summary>
    private async Task<string> EtablissementAvecDivisionsAsync()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var admin = await ClientAsync(uai, Profils.Administrateur);
        var sts = Sts(uai, [new Individu("9001", "DURAND", "Michel")],
            [("2MELEC1", "24023302210", ["9001"]), ("2MELEC2", "24023302210", ["9001"]), ("1MELEC", "24123302210", ["9001"]), ("TMELEC", "24223302210", ["9001"]),
                ("ULIS", "99910001110", ["9001"])], []);
        (await admin.PostAsync($"/api/etablissements/{uai}/imports", Formulaire(($"sts_emp_{uai}_{AnneeCourante}.xml", Octets(sts))))).EnsureSuccessStatusCode();
        return uai;
    }

    private async Task<HttpClient> ClientAsync(string uai, string profil) => await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, profil));

    private Task<Guid> EtablissementIdAsync(string uai) => factory.EtablissementIdAsync(uai);
}
