using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Persistence;
using Cpro.Scenarios.Domain;
using JasperFx;
using Marten;
using static Cpro.IntegrationTests.Scenarios.ScenariosTests;

namespace Cpro.IntegrationTests.Scenarios;

/// <summary>The module's streams in the shared store belong to one establishment, and the store itself refuses a write made
/// from a stale version (round trips and the isolation of its documents: <c>Persistence.DocumentsTests</c>).</summary>
[Collection(CproCollection.Name)]
public sealed class DocumentsScenariosTests(CproFactory factory)
{
    private static readonly DateTimeOffset Instant = new(2026, 10, 5, 8, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public async Task An_evaluations_stream_is_invisible_to_another_establishment_and_untouched_by_it()
    {
        var classe = await Classe.CreerAsync(factory);
        var autre = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var ailleurs = await Classe.ClientAsync(factory, autre.Professeur);
        var evaluation = await EvaluationAsync(professeur);
        (await professeur.PutAsJsonAsync($"/api/scenarios/evaluations/{evaluation}/grille",
            new { versionGrille = 0, cellules = new[] { new { apprenant = classe.Ids["Lea"], item = "C1", valeur = "3" } } })).EnsureSuccessStatusCode();

        await using (var deB = factory.Documents(await factory.EtablissementIdAsync(autre.Uai)))
        {
            Assert.Empty(await deB.Events.FetchStreamAsync(evaluation));
            Assert.Null(await deB.Events.FetchStreamStateAsync(evaluation));
            Assert.Null(await deB.LoadAsync<Evaluation>(evaluation));
            Assert.Null(await deB.LoadAsync<SuiviApprenant>(classe.Ids["Lea"]));
            // Appending under the same id from B makes a stream of B's, if anything.
            deB.Events.Append(evaluation, new GrilleEnregistree(Guid.NewGuid(), "B", Instant, [new CelluleModifiee(classe.Ids["Lea"], "C1", null, null, NiveauMaitrise.NonMaitrise, null)]));
            await deB.SaveChangesAsync();
        }
        await (await ailleurs.GetAsync($"/api/scenarios/evaluations/{evaluation}/historique")).AssertProblemAsync(HttpStatusCode.NotFound);

        await using var deA = factory.Documents(await factory.EtablissementIdAsync(classe.Uai));
        Assert.Equal(2, (await deA.Events.FetchStreamAsync(evaluation)).Count);
        var cellule = Assert.Single((await deA.LoadAsync<Evaluation>(evaluation))!.Cellules);
        Assert.Equal(NiveauMaitrise.Maitrise, cellule.Niveau);
        var grille = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/evaluations/{evaluation}");
        Assert.Equal("3", Assert.Single(grille.GetProperty("cellules").EnumerateArray()).GetProperty("valeur").GetString());
    }

    [Fact]
    public async Task The_store_refuses_a_scenario_written_from_a_stale_revision_even_past_the_handlers_check()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var scenario = await CreerAsync(professeur, Scenario());
        var id = scenario.GetProperty("id").GetGuid();
        Assert.Equal(1, scenario.GetProperty("version").GetInt32());
        var etablissement = await factory.EtablissementIdAsync(classe.Uai);

        await using var premier = factory.Documents(etablissement);
        await using var second = factory.Documents(etablissement);
        var copiePremier = (await premier.LoadAsync<Scenario>(id))!;
        var copieSecond = (await second.LoadAsync<Scenario>(id))!;
        copieSecond.Titre = "Le second d'abord";
        second.StoreRevision(copieSecond, 1);
        await second.SaveChangesAsync();
        copiePremier.Titre = "Le premier, trop tard";
        premier.StoreRevision(copiePremier, 1);

        await Assert.ThrowsAnyAsync<ConcurrencyException>(() => premier.SaveChangesAsync());
        var lu = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}");
        Assert.Equal("Le second d'abord", lu.GetProperty("titre").GetString());
        Assert.Equal(2, lu.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Two_edits_of_a_scenario_from_the_same_version_at_the_same_time_one_wins_the_other_gets_409()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var memeProfesseur = await Classe.ClientAsync(factory, classe.Professeur);
        var id = (await CreerAsync(professeur, Scenario())).GetProperty("id").GetGuid();

        var reponses = await Task.WhenAll(
            professeur.PutAsJsonAsync($"/api/scenarios/{id}", Modification(1, "Premier")),
            memeProfesseur.PutAsJsonAsync($"/api/scenarios/{id}", Modification(1, "Second")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], reponses.Select(r => r.StatusCode).Order());
        var gagnant = reponses[0].StatusCode == HttpStatusCode.OK ? "Premier" : "Second";
        var lu = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}");
        Assert.Equal(gagnant, lu.GetProperty("titre").GetString());
        Assert.Equal(2, lu.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task The_store_refuses_a_grid_save_appended_from_a_stale_version_even_past_the_handlers_check()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var evaluation = await EvaluationAsync(professeur);
        var etablissement = await factory.EtablissementIdAsync(classe.Uai);
        GrilleEnregistree Save(string auteur, NiveauMaitrise niveau) =>
            new(Guid.NewGuid(), auteur, Instant, [new CelluleModifiee(classe.Ids["Lea"], "C1", null, null, niveau, null)]);

        await using var premier = factory.Documents(etablissement);
        await using var second = factory.Documents(etablissement);
        // Both read the grid at version 0 (the stream's version 1).
        var fluxPremier = await premier.Events.FetchForWriting<Evaluation>(evaluation);
        var fluxSecond = await second.Events.FetchForWriting<Evaluation>(evaluation);
        fluxSecond.AppendOne(Save("Second", NiveauMaitrise.BienMaitrise));
        await second.SaveChangesAsync();
        fluxPremier.AppendOne(Save("Premier", NiveauMaitrise.NonMaitrise));

        await Assert.ThrowsAnyAsync<ConcurrencyException>(() => premier.SaveChangesAsync());
        var grille = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/evaluations/{evaluation}");
        Assert.Equal(1, grille.GetProperty("versionGrille").GetInt32());
        Assert.Equal("4", Assert.Single(grille.GetProperty("cellules").EnumerateArray()).GetProperty("valeur").GetString());
    }

    private async Task<Guid> EvaluationAsync(HttpClient professeur)
    {
        var scenario = (await CreerAsync(professeur, Scenario())).GetProperty("id").GetGuid();
        var response = await professeur.PostAsJsonAsync($"/api/scenarios/{scenario}/evaluations", new { date = "2026-10-05" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static object Modification(int version, string titre) => new
    {
        version, niveauClasse = "SECONDE", titre, coIntervention = false, activites = new[] { "A1" }, taches = new[] { "T1.1" }, criteres = new[] { "C1.1" },
    };
}
