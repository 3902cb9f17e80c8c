using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Scenarios.Domain;
using JasperFx.Events;
using static Cpro.IntegrationTests.Scenarios.ScenariosTests;

namespace Cpro.IntegrationTests.Scenarios;

/// <summary>A grid is an event stream: each save one event with each changed cell's old and new value, read back as the
/// grid, its « Historique » and each learner's follow-up.</summary>
[Collection(CproCollection.Name)]
public sealed class HistoriqueGrilleTests(CproFactory factory)
{
    [Fact]
    public async Task Each_save_appends_one_event_naming_its_author_and_each_changed_cells_old_and_new_value()
    {
        var (classe, evaluation) = await EvaluationAsync();
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var (lea, hugo) = (classe.Ids["Lea"], classe.Ids["Hugo"]);
        var avant = DateTimeOffset.UtcNow;

        await EnregistrerAsync(professeur, evaluation, 0, Cellule(lea, "C1", "3", "Câblage soigné"), Cellule(hugo, "C1", "ABS"), Cellule(hugo, "C2", "NE"));
        await EnregistrerAsync(professeur, evaluation, 1, Cellule(lea, "C1", "4"), Cellule(hugo, "C1", "ABS"), Cellule(hugo, "C2", "2"));
        var inchange = await professeur.PutAsJsonAsync($"/api/scenarios/evaluations/{evaluation}/grille",
            new { versionGrille = 2, cellules = new[] { Cellule(lea, "C1", "4"), Cellule(hugo, "C2", "2") } });
        Assert.Equal(JsonSerializer.SerializeToElement(new { versionGrille = 2, modifiees = 0 }).ToString(),
            (await inchange.Content.ReadFromJsonAsync<JsonElement>()).ToString());

        await using var documents = factory.Documents(await factory.EtablissementIdAsync(classe.Uai));
        var evenements = await documents.Events.FetchStreamAsync(evaluation);
        Assert.Equal([typeof(EvaluationCreee), typeof(GrilleEnregistree), typeof(GrilleEnregistree)], evenements.Select(e => e.EventType));
        var creation = (EvaluationCreee)evenements[0].Data;
        Assert.Equal(5, creation.Apprenants.Count);
        Assert.Contains(lea, creation.Apprenants);
        Assert.Contains("C1", creation.Items);
        // The first save: new cells (no value before); an empty cell left empty is not one.
        var premier = (GrilleEnregistree)evenements[1].Data;
        Assert.Equal(
            [new CelluleModifiee(lea, "C1", null, null, NiveauMaitrise.Maitrise, "Câblage soigné"), new CelluleModifiee(hugo, "C1", null, null, NiveauMaitrise.Absent, null)],
            premier.Cellules);
        // The second: only what changed, from what to what; Hugo's C1, sent unchanged, is not in it.
        var second = (GrilleEnregistree)evenements[2].Data;
        Assert.Equal(
            [
                new CelluleModifiee(lea, "C1", NiveauMaitrise.Maitrise, "Câblage soigné", NiveauMaitrise.BienMaitrise, null),
                new CelluleModifiee(hugo, "C2", null, null, NiveauMaitrise.InsuffisammentMaitrise, null),
            ],
            second.Cellules);
        Assert.Contains("VOLTA", second.Auteur, StringComparison.Ordinal);
        Assert.Equal(classe.CompteId(classe.Professeur), second.AuteurId);
        Assert.InRange(second.Le, avant, DateTimeOffset.UtcNow);
        Assert.InRange(premier.Le, avant, second.Le);
        // The grid's version is the stream's but its creation.
        Assert.Equal(3, evenements[^1].Version);
        var grille = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/evaluations/{evaluation}");
        Assert.Equal(2, grille.GetProperty("versionGrille").GetInt32());
    }

    [Fact]
    public async Task The_history_lists_every_save_newest_first_to_the_teaching_team_only()
    {
        var (classe, evaluation) = await EvaluationAsync();
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var collegue = await Classe.ClientAsync(factory, classe.Collegue);
        using var eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);
        var autre = await Classe.CreerAsync(factory);
        using var ailleurs = await Classe.ClientAsync(factory, autre.Professeur);
        var (lea, hugo) = (classe.Ids["Lea"], classe.Ids["Hugo"]);
        Assert.Empty((await professeur.GetFromJsonAsync<JsonElement[]>($"/api/scenarios/evaluations/{evaluation}/historique"))!);

        await EnregistrerAsync(professeur, evaluation, 0, Cellule(lea, "C1", "3", "Câblage soigné"), Cellule(hugo, "C1", "ABS"));
        await EnregistrerAsync(collegue, evaluation, 1, Cellule(lea, "C1", "4", "Câblage soigné"), Cellule(hugo, "C2", "2", "À revoir"));

        var historique = (await collegue.GetFromJsonAsync<JsonElement[]>($"/api/scenarios/evaluations/{evaluation}/historique"))!;
        Assert.Equal([2, 1], historique.Select(h => h.GetProperty("versionGrille").GetInt32()));
        Assert.Contains("AMPERE", historique[0].GetProperty("auteur").GetString(), StringComparison.Ordinal);
        Assert.Contains("VOLTA", historique[1].GetProperty("auteur").GetString(), StringComparison.Ordinal);
        Assert.True(historique[0].GetProperty("le").GetDateTimeOffset() >= historique[1].GetProperty("le").GetDateTimeOffset());
        var changements = historique[0].GetProperty("changements").EnumerateArray().ToList();
        Assert.Equal(2, changements.Count);
        Assert.Equal(("Lea MARTIN", "C1", "3", "Câblage soigné", "4", "Câblage soigné"), Changement(changements[0]));
        Assert.Equal(("Hugo PETIT", "C2", null, null, "2", "À revoir"), Changement(changements[1]));
        Assert.Equal(hugo, changements[1].GetProperty("apprenant").GetGuid());
        Assert.Equal(("Hugo PETIT", "C1", null, null, "ABS", null), Changement(historique[1].GetProperty("changements")[1]));

        Assert.Equal(2, (await classe.Ddftp.GetFromJsonAsync<JsonElement[]>($"/api/scenarios/evaluations/{evaluation}/historique"))!.Length);
        await (await eleve.GetAsync($"/api/scenarios/evaluations/{evaluation}/historique")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var introuvable = await ailleurs.GetAsync($"/api/scenarios/evaluations/{evaluation}/historique");
        Assert.Equal("Évaluation introuvable.", (await introuvable.AssertProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        await (await professeur.GetAsync($"/api/scenarios/evaluations/{Guid.NewGuid()}/historique")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_grid_page_shows_its_history()
    {
        var (classe, evaluation) = await EvaluationAsync();
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var vide = await professeur.GetStringAsync($"/scenarios/evaluations/{evaluation}");
        Assert.Contains(">Historique</h2>", vide, StringComparison.Ordinal);
        Assert.Contains("Aucun enregistrement pour le moment.", vide, StringComparison.Ordinal);

        await EnregistrerAsync(professeur, evaluation, 0, Cellule(classe.Ids["Lea"], "C1", "3"));
        await EnregistrerAsync(professeur, evaluation, 1, Cellule(classe.Ids["Lea"], "C1", "4", "Progrès nets"));

        var page = await classe.Ddftp.GetStringAsync($"/scenarios/evaluations/{evaluation}");
        var historique = page[page.IndexOf(">Historique</h2>", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Aucun enregistrement", historique, StringComparison.Ordinal);
        var recent = historique.IndexOf("Lea MARTIN – C1 : 3 Maîtrisé → 4 Bien maîtrisé (commentaire : Progrès nets)", StringComparison.Ordinal);
        var ancien = historique.IndexOf("Lea MARTIN – C1 : — → 3 Maîtrisé", StringComparison.Ordinal);
        Assert.True(recent >= 0 && ancien > recent, historique);
        Assert.Contains("VOLTA : 1 cellule(s)", historique, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_learners_follow_up_matches_the_grids_after_several_saves_and_the_dashboard_reads_it()
    {
        var (classe, competences) = await EvaluationAsync("2026-10-05");
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var scenario = (await professeur.GetFromJsonAsync<JsonElement[]>("/api/scenarios"))![0].GetProperty("id").GetGuid();
        var criteres = (await (await professeur.PostAsJsonAsync($"/api/scenarios/{scenario}/evaluations", new { date = "2026-11-09", mode = "criteres" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (lea, hugo, ines) = (classe.Ids["Lea"], classe.Ids["Hugo"], classe.Ids["Ines"]);
        await EnregistrerAsync(professeur, competences, 0, Cellule(lea, "C1", "4"), Cellule(lea, "C2", "2"), Cellule(hugo, "C1", "1", "Absent du TP"));
        await EnregistrerAsync(professeur, competences, 1, Cellule(lea, "C2", "3", "Mieux"), Cellule(hugo, "C1", "ABS"), Cellule(ines, "C2", "4"));
        await EnregistrerAsync(professeur, competences, 2, Cellule(lea, "C2", "NE"), Cellule(ines, "C1", "2"));
        await EnregistrerAsync(professeur, criteres, 0, Cellule(lea, "C1.1", "2"), Cellule(lea, "C1.2", "2", "À revoir"), Cellule(hugo, "C2.1", "3"));
        await EnregistrerAsync(professeur, criteres, 1, Cellule(lea, "C1.2", "3", "À revoir"), Cellule(ines, "C1.1", "4"));

        await using var documents = factory.Documents(await factory.EtablissementIdAsync(classe.Uai));
        foreach (var id in new[] { competences, criteres })
        {
            var grille = (await documents.LoadAsync<Evaluation>(id))!;
            foreach (var apprenant in grille.Apprenants)
            {
                var suivi = (await documents.LoadAsync<SuiviApprenant>(apprenant))!;
                var evaluation = Assert.Single(suivi.Evaluations, e => e.Id == id);
                Assert.Equal((grille.Titre, grille.Date, grille.EnseignantNom, grille.Referentiel), (evaluation.Titre, evaluation.Date, evaluation.EnseignantNom, evaluation.Referentiel));
                Assert.Equal(grille.Cellules.Where(c => c.ApprenantId == apprenant).Select(c => (c.Item, c.Niveau)).Order(),
                    evaluation.Niveaux.Select(n => (n.Key, n.Value)).Order());
                Assert.Equal(grille.Cellules.Where(c => c.ApprenantId == apprenant && c.Commentaire is not null).Select(c => (c.Item, c.Commentaire!)).Order(),
                    evaluation.Commentaires.Select(n => (n.Key, n.Value)).Order());
                Assert.All(grille.Cellules.Where(c => c.ApprenantId == apprenant), c => Assert.Equal(c.Competence, evaluation.CompetenceDe(c.Item)));
            }
        }
        var deLea = (await documents.LoadAsync<SuiviApprenant>(lea))!;
        var (parCompetences, parCriteres) = (deLea.Evaluations.Single(e => e.Id == competences), deLea.Evaluations.Single(e => e.Id == criteres));
        Assert.Equal([("C1", NiveauMaitrise.BienMaitrise), ("C2", NiveauMaitrise.NonEvalue)], parCompetences.Niveaux.Select(n => (n.Key, n.Value)));
        Assert.Empty(parCompetences.Commentaires);
        Assert.Equal([("C1.2", "À revoir")], parCriteres.Commentaires.Select(n => (n.Key, n.Value)));
        Assert.Equal(["C1", "C1"], parCriteres.Niveaux.Keys.Select(parCriteres.CompetenceDe));

        // The dashboard is read from the follow-up: what it holds is what the learner sees.
        using var eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);
        Assert.Equal("3", Competence(await eleve.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{lea}"), "C1").GetProperty("synthese").GetString());
        parCriteres.Niveaux["C1.2"] = NiveauMaitrise.NonMaitrise;
        documents.Store(deLea);
        await documents.SaveChangesAsync();
        var tableau = await eleve.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{lea}");
        Assert.Equal("1", Competence(tableau, "C1").GetProperty("synthese").GetString());
        Assert.Equal(["4", "2", "1"], Competence(tableau, "C1").GetProperty("positionnements").EnumerateArray().Select(p => p.GetProperty("valeur").GetString()));
    }

    private async Task<(Classe Classe, Guid Evaluation)> EvaluationAsync(string date = "2026-10-05")
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var id = (await CreerAsync(professeur, Scenario())).GetProperty("id").GetGuid();
        var response = await professeur.PostAsJsonAsync($"/api/scenarios/{id}/evaluations", new { date });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (classe, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private static async Task EnregistrerAsync(HttpClient client, Guid evaluation, int version, params object[] cellules)
    {
        var response = await client.PutAsJsonAsync($"/api/scenarios/evaluations/{evaluation}/grille", new { versionGrille = version, cellules });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(version + 1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versionGrille").GetInt32());
    }

    private static object Cellule(Guid apprenant, string item, string valeur, string? commentaire = null) => new { apprenant, item, valeur, commentaire };

    private static (string?, string?, string?, string?, string?, string?) Changement(JsonElement c) =>
        (c.GetProperty("apprenantNom").GetString(), c.GetProperty("item").GetString(), c.GetProperty("avant").GetString(),
            c.GetProperty("commentaireAvant").GetString(), c.GetProperty("apres").GetString(), c.GetProperty("commentaire").GetString());

    private static JsonElement Competence(JsonElement tableau, string code) =>
        tableau.GetProperty("referentiels")[0].GetProperty("competences").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);
}
