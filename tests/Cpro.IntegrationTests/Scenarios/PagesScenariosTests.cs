using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cpro.IntegrationTests.Infrastructure;
using static Cpro.IntegrationTests.Scenarios.ScenariosTests;

namespace Cpro.IntegrationTests.Scenarios;

/// <summary>The scenario pages, read as HTML: right profile, right establishment.</summary>
[Collection(CproCollection.Name)]
public sealed partial class PagesScenariosTests(CproFactory factory)
{
    [Fact]
    public async Task Learners_do_not_open_the_team_pages_and_another_establishment_sees_nothing()
    {
        var classe = await Classe.CreerAsync(factory);
        var autre = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);
        using var ailleurs = await Classe.ClientAsync(factory, autre.Professeur);
        var id = (await CreerAsync(professeur, Scenario("Secret de l'équipe"))).GetProperty("id").GetGuid();
        var evaluation = (await (await professeur.PostAsJsonAsync($"/api/scenarios/{id}/evaluations", new { date = "2026-10-05" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        foreach (var page in new[] { "/scenarios", $"/scenarios/{id}", "/scenarios/nouveau", $"/scenarios/{id}/evaluation", $"/scenarios/evaluations/{evaluation}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await eleve.GetAsync(page)).StatusCode);
        }
        var fiche = await ailleurs.GetStringAsync($"/scenarios/{id}");
        Assert.Contains("Scénario introuvable.", fiche, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret de l'équipe", fiche, StringComparison.Ordinal);
        Assert.Contains("Évaluation introuvable.", await ailleurs.GetStringAsync($"/scenarios/evaluations/{evaluation}"), StringComparison.Ordinal);
        Assert.DoesNotContain("MARTIN", await ailleurs.GetStringAsync($"/suivi/{classe.Ids["Lea"]}"), StringComparison.Ordinal);
        Assert.Contains("Un apprenant ne consulte que son propre suivi.", await eleve.GetStringAsync($"/suivi/{classe.Ids["Hugo"]}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_team_reads_a_scenario_in_its_four_sections_and_the_ddftp_chooses_the_rule()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var id = (await CreerAsync(professeur, Scenario())).GetProperty("id").GetGuid();

        var page = await classe.Ddftp.GetStringAsync($"/scenarios/{id}");

        foreach (var section in new[] { ">Titre<", ">Contexte<", ">Liaison avec le référentiel<", ">Compétences transversales<", ">Ressources<" })
        {
            Assert.Contains(section, page, StringComparison.Ordinal);
        }
        Assert.Contains("C1.1 ", page, StringComparison.Ordinal);
        Obligatoires.AssertMarques(await professeur.GetStringAsync($"/scenarios/{id}"), "Ajouter une ressource", "UAI de l'établissement");
        Obligatoires.AssertMarques(await professeur.GetStringAsync($"/scenarios/{id}/evaluation"), "Date de l'évaluation");
        Assert.DoesNotContain("Créer une grille de positionnement", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/parametres/suivi\"", await classe.Ddftp.GetStringAsync("/suivi"), StringComparison.Ordinal);
        Assert.DoesNotContain("/parametres/suivi", await professeur.GetStringAsync("/suivi"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rule_changes_in_the_settings_once_confirmed_after_saying_what_it_changes()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        Assert.Equal(HttpStatusCode.Forbidden, (await professeur.GetAsync("/parametres/suivi")).StatusCode);

        var confirmation = WebUtility.HtmlDecode(await classe.Ddftp.GetStringAsync("/parametres/suivi?regle=meilleur"));

        Assert.Contains("Tous les tableaux de bord des apprenants de l'établissement afficheront comme niveau retenu pour chaque compétence", confirmation,
            StringComparison.Ordinal);
        Assert.Equal("plusRecent", (await Regle(classe)).GetProperty("regle").GetString());
        var reponse = await classe.Ddftp.PostAsync("/parametres/suivi?regle=meilleur", new FormUrlEncodedContent(
        [
            new("_handler", "confirmation"), new("__RequestVerificationToken", Jeton().Match(confirmation).Groups[1].Value), new("Confirmee", "meilleur"),
        ]));
        Assert.True(reponse.IsSuccessStatusCode || reponse.StatusCode == HttpStatusCode.Redirect, reponse.StatusCode.ToString());
        Assert.Equal("meilleur", (await Regle(classe)).GetProperty("regle").GetString());
        Assert.Contains("Règle enregistrée", WebUtility.HtmlDecode(await classe.Ddftp.GetStringAsync("/parametres/suivi?fait=1")), StringComparison.Ordinal);
    }

    private static Task<JsonElement> Regle(Classe classe) => classe.Ddftp.GetFromJsonAsync<JsonElement>("/api/scenarios/suivi/regle");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Jeton();
}
