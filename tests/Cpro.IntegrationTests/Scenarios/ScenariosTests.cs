using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;

namespace Cpro.IntegrationTests.Scenarios;

[Collection(CproCollection.Name)]
public sealed class ScenariosTests(CproFactory factory)
{
    internal static object Scenario(string titre = "Câbler un tableau de distribution", string niveau = "SECONDE", string referentiel = Classe.Referentiel,
        IEnumerable<Guid>? coAuteurs = null, string[]? criteres = null) => new
    {
        referentiel, niveauClasse = niveau, titre, coIntervention = true, coInterventionDiscipline = "Mathématiques", coAuteurs,
        situationProfessionnelle = "Une entreprise rénove l'installation électrique d'un logement.",
        problematiqueEtMissions = "Préparer puis réaliser le câblage.", materielsEtLogiciels = "Tableau pédagogique, multimètre",
        liens = new[] { "https://eduscol.education.fr" }, espacesDeFormation = "Atelier habitat",
        activites = new[] { "A1" }, taches = new[] { "T1.1" }, criteres = criteres ?? ["C1.1", "C1.2", "C2.1"], competencesTransversales = new[] { "CC1" },
    };

    internal static async Task<JsonElement> CreerAsync(HttpClient enseignant, object scenario)
    {
        var response = await enseignant.PostAsJsonAsync("/api/scenarios", scenario);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_teacher_declares_a_scenario_whose_competences_and_blocs_derive_from_what_was_selected()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);

        var scenario = await CreerAsync(professeur, Scenario());

        Assert.Equal(["A1"], Codes(scenario, "activites"));
        Assert.Equal(["C1.1", "C1.2", "C2.1"], Codes(scenario, "criteres"));
        // C1 and C2 through their criteria; T1.1 is a task of C1 too.
        Assert.Equal(["C1", "C2"], Codes(scenario, "competences").Where(c => c is "C1" or "C2"));
        Assert.Contains("B1", Codes(scenario, "blocs"));
        Assert.Equal(["CC1"], Codes(scenario, "competencesTransversales"));
        Assert.True(scenario.GetProperty("modifiable").GetBoolean());
        var lu = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/{scenario.GetProperty("id").GetGuid()}");
        Assert.Equal("Une entreprise rénove l'installation électrique d'un logement.", lu.GetProperty("situationProfessionnelle").GetString());
    }

    [Fact]
    public async Task Bad_scenarios_get_french_messages_and_nothing_is_written()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);

        var sansTitre = await professeur.PostAsJsonAsync("/api/scenarios", Scenario(titre: ""));
        Assert.Equal(["Le titre est obligatoire."], (await sansTitre.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("titre"));
        var inconnu = await professeur.PostAsJsonAsync("/api/scenarios", Scenario(criteres: ["C1.1", "C99.9"]));
        Assert.Contains("C99.9", (await inconnu.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var nonAbonne = await professeur.PostAsJsonAsync("/api/scenarios", Scenario(referentiel: "BACPRO-CIEL"));
        Assert.Equal("L'établissement n'est pas abonné au diplôme BACPRO-CIEL.", (await nonAbonne.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var niveau = await professeur.PostAsJsonAsync("/api/scenarios", Scenario(niveau: "BTS1"));
        await niveau.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var coAuteur = await professeur.PostAsJsonAsync("/api/scenarios", Scenario(coAuteurs: [classe.Ids["Lea"]]));
        Assert.Equal("Les co-auteurs sont des enseignants de l'établissement.", (await coAuteur.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());

        Assert.Empty((await professeur.GetFromJsonAsync<JsonElement[]>("/api/scenarios"))!);
    }

    [Fact]
    public async Task Only_teachers_write_scenarios_the_team_reads_them_and_learners_do_not()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);
        var id = (await CreerAsync(professeur, Scenario())).GetProperty("id").GetGuid();

        await (await eleve.PostAsJsonAsync("/api/scenarios", Scenario())).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await classe.Ddftp.PostAsJsonAsync("/api/scenarios", Scenario())).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await eleve.GetAsync("/api/scenarios")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await eleve.GetAsync($"/api/scenarios/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Single((await classe.Ddftp.GetFromJsonAsync<JsonElement[]>("/api/scenarios"))!);
    }

    [Fact]
    public async Task Author_and_co_authors_edit_others_duplicate_and_a_stale_copy_gets_409()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var collegue = await Classe.ClientAsync(factory, classe.Collegue);
        var scenario = await CreerAsync(professeur, Scenario());
        var id = scenario.GetProperty("id").GetGuid();
        var version = scenario.GetProperty("version").GetUInt32();

        var refuse = await collegue.PutAsJsonAsync($"/api/scenarios/{id}", Modification(version, "Par le collègue"));
        await refuse.AssertProblemAsync(HttpStatusCode.Forbidden);
        var copie = await collegue.PostAsync($"/api/scenarios/{id}/duplication", null);
        var duplique = await copie.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, copie.StatusCode);
        Assert.Equal("Copie de Câbler un tableau de distribution", duplique.GetProperty("titre").GetString());
        Assert.True(duplique.GetProperty("modifiable").GetBoolean());

        var modifie = await professeur.PutAsJsonAsync($"/api/scenarios/{id}", Modification(version, "Câbler et tester", classe.CollegueId));
        Assert.Equal(HttpStatusCode.OK, modifie.StatusCode);
        var perime = await professeur.PutAsJsonAsync($"/api/scenarios/{id}", Modification(version, "Écrasé"));
        Assert.Contains("modifié depuis", (await perime.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Now a co-author, the colleague may edit it.
        var courant = await collegue.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}");
        Assert.Equal("Câbler et tester", courant.GetProperty("titre").GetString());
        var parCoAuteur = await collegue.PutAsJsonAsync($"/api/scenarios/{id}", Modification(courant.GetProperty("version").GetUInt32(), "Câbler, tester, mettre en service"));
        Assert.Equal(HttpStatusCode.OK, parCoAuteur.StatusCode);
    }

    [Fact]
    public async Task A_scenario_is_shared_only_as_a_copy_with_an_establishment_subscribed_to_the_diploma()
    {
        var classe = await Classe.CreerAsync(factory);
        var autre = await Classe.CreerAsync(factory);
        var sansAbonnement = await factory.CreerEtablissementAsync();
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var ailleurs = await Classe.ClientAsync(factory, autre.Professeur);
        var id = (await CreerAsync(professeur, Scenario())).GetProperty("id").GetGuid();

        await (await ailleurs.GetAsync($"/api/scenarios/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await ailleurs.GetFromJsonAsync<JsonElement[]>("/api/scenarios"))!);
        var refuse = await professeur.PostAsJsonAsync($"/api/scenarios/{id}/partages", new { uai = sansAbonnement });
        Assert.Contains("n'est pas abonné", (await refuse.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await professeur.PostAsJsonAsync($"/api/scenarios/{id}/partages", new { uai = "0000000A" })).AssertProblemAsync(HttpStatusCode.NotFound);

        var partage = await professeur.PostAsJsonAsync($"/api/scenarios/{id}/partages", new { uai = autre.Uai });
        Assert.Equal(HttpStatusCode.OK, partage.StatusCode);

        var recu = Assert.Single((await ailleurs.GetFromJsonAsync<JsonElement[]>("/api/scenarios"))!);
        Assert.False(recu.GetProperty("modifiable").GetBoolean());
        Assert.StartsWith("Partagé par Lycée ", recu.GetProperty("origine").GetString(), StringComparison.Ordinal);
        var copie = await ailleurs.GetFromJsonAsync<JsonElement>($"/api/scenarios/{recu.GetProperty("id").GetGuid()}");
        Assert.Equal(["C1.1", "C1.2", "C2.1"], Codes(copie, "criteres"));
        // The original is untouched and still only in its establishment.
        Assert.Single((await professeur.GetFromJsonAsync<JsonElement[]>("/api/scenarios"))!);
    }

    [Fact]
    public async Task A_scenario_used_by_an_evaluation_is_kept()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var inutilise = (await CreerAsync(professeur, Scenario("Inutilisé"))).GetProperty("id").GetGuid();
        var utilise = (await CreerAsync(professeur, Scenario("Utilisé"))).GetProperty("id").GetGuid();
        (await professeur.PostAsJsonAsync($"/api/scenarios/{utilise}/evaluations", new { date = "2026-10-05" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NoContent, (await professeur.DeleteAsync($"/api/scenarios/{inutilise}")).StatusCode);
        await (await professeur.DeleteAsync($"/api/scenarios/{utilise}")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Utilisé", Assert.Single((await professeur.GetFromJsonAsync<JsonElement[]>("/api/scenarios"))!).GetProperty("titre").GetString());
    }

    private static object Modification(uint version, string titre, Guid? coAuteur = null) => new
    {
        version, niveauClasse = "SECONDE", titre, coIntervention = false, coAuteurs = coAuteur is { } c ? new[] { c } : null,
        activites = new[] { "A1" }, taches = new[] { "T1.1" }, criteres = new[] { "C1.1" },
    };

    internal static string[] Codes(JsonElement element, string propriete) =>
        [.. element.GetProperty(propriete).EnumerateArray().Select(e => e.GetString()!)];
}
