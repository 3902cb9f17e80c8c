using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.Book.Features;
using Cpro.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.IntegrationTests.Book;

/// <summary>The learner's pages: started from nothing, a fiche activité or an evaluation; told, tied to competences,
/// ordered, hidden from the export, deleted into a bin for 30 days.</summary>
[Collection(CproCollection.Name)]
public sealed class ReussitesTests(CproFactory factory)
{
    [Fact]
    public async Task A_reussite_from_nothing_needs_a_title_a_place_and_a_date_and_competences_of_the_diploma()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        var reussite = await LeBook.ReussiteAsync(pfmp.Eleve);
        Assert.Equal(("libre", "Mon premier tableau électrique", "centreFormation"),
            (reussite.GetProperty("origine").GetString(), reussite.GetProperty("titre").GetString(), reussite.GetProperty("lieu").GetString()));
        var competence = Assert.Single(reussite.GetProperty("competences").EnumerateArray());
        Assert.Equal("C1", competence.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(competence.GetProperty("intitule").GetString()));
        Assert.Equal(JsonValueKind.Null, competence.GetProperty("niveau").ValueKind);

        var vide = await (await pfmp.Eleve.PostAsJsonAsync($"{LeBook.Api}/reussites", new { lieu = "ailleurs" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Le titre est obligatoire."], vide.Errors("titre"));
        Assert.Equal(["La date est obligatoire."], vide.Errors("date"));
        Assert.Equal(["Le lieu est « entreprise » ou « centreFormation »."], vide.Errors("lieu"));
        var long_ = await (await pfmp.Eleve.PostAsJsonAsync($"{LeBook.Api}/reussites", LeBook.Libre(fait: new string('x', 4001)))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["« Ce que j'ai fait » compte 4 000 caractères au plus."], long_.Errors("ceQueJaiFait"));
        var horsDiplome = await pfmp.Eleve.PostAsJsonAsync($"{LeBook.Api}/reussites", LeBook.Libre(competences: ["C1", "C99"]));
        Assert.Equal("Ces compétences ne sont pas celles de votre diplôme : C99.",
            (await horsDiplome.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        Assert.Single((await pfmp.Eleve.GetFromJsonAsync<JsonElement[]>($"{LeBook.Api}/reussites"))!);
    }

    [Fact]
    public async Task A_reussite_from_a_fiche_activite_takes_its_title_date_company_and_text()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        var fiche = await pfmp.ReviserAsync(await pfmp.FicheAsync(soumise: true), "C1.1", "C2");
        var sources = await pfmp.Eleve.GetFromJsonAsync<JsonElement>($"{LeBook.Api}/sources");
        var proposee = Assert.Single(sources.GetProperty("fiches").EnumerateArray());
        Assert.Equal(fiche.GetProperty("id").GetGuid(), proposee.GetProperty("id").GetGuid());

        var reussite = await LeBook.ReussiteAsync(pfmp.Eleve, new { source = "ficheActivite", sourceId = fiche.GetProperty("id").GetGuid() });
        Assert.Equal("ficheActivite", reussite.GetProperty("origine").GetString());
        Assert.Equal("Pose de prises dans une cuisine", reussite.GetProperty("titre").GetString());
        Assert.Equal("2027-01-06", reussite.GetProperty("date").GetString());
        Assert.Equal("entreprise", reussite.GetProperty("lieu").GetString());
        Assert.Equal("Élec Services", reussite.GetProperty("contexte").GetString());
        Assert.Equal("J'ai tiré les câbles, posé et raccordé quatre prises.", reussite.GetProperty("ceQueJaiFait").GetString());
        Assert.Equal(["C1", "C2"], reussite.GetProperty("competences").EnumerateArray().Select(c => c.GetProperty("code").GetString()));

        // Another learner's fiche is not one to start from.
        var hugo = await pfmp.Hugo.PostAsJsonAsync($"{LeBook.Api}/reussites", new { source = "ficheActivite", sourceId = fiche.GetProperty("id").GetGuid() });
        await hugo.AssertProblemAsync(HttpStatusCode.NotFound);
        var sansId = await (await pfmp.Eleve.PostAsJsonAsync($"{LeBook.Api}/reussites", new { source = "ficheActivite" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Choisissez la fiche activité ou l'évaluation."], sansId.Errors("sourceId"));
    }

    [Fact]
    public async Task A_reussite_from_an_evaluation_carries_the_level_reached()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        var scenario = (await Scenarios.ScenariosTests.CreerAsync(pfmp.Referent, Scenarios.ScenariosTests.Scenario())).GetProperty("id").GetGuid();
        var evaluation = (await (await pfmp.Referent.PostAsJsonAsync($"/api/scenarios/{scenario}/evaluations", new { date = "2026-10-05" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await pfmp.Referent.PutAsJsonAsync($"/api/scenarios/evaluations/{evaluation}/grille", new
        {
            versionGrille = 0, cellules = new[] { new { apprenant = pfmp.Lea, item = "C1", valeur = "3" }, new { apprenant = pfmp.Lea, item = "C2", valeur = "ABS" } },
        })).EnsureSuccessStatusCode();

        var sources = await pfmp.Eleve.GetFromJsonAsync<JsonElement>($"{LeBook.Api}/sources");
        Assert.Equal(evaluation, Assert.Single(sources.GetProperty("evaluations").EnumerateArray()).GetProperty("id").GetGuid());
        var reussite = await LeBook.ReussiteAsync(pfmp.Eleve, new { source = "evaluation", sourceId = evaluation, ceQueJaiAppris = "Le schéma d'abord." });
        Assert.Equal("centreFormation", reussite.GetProperty("lieu").GetString());
        var c1 = Assert.Single(reussite.GetProperty("competences").EnumerateArray());
        Assert.Equal(("C1", 3, "3 Maîtrisé"), (c1.GetProperty("code").GetString(), c1.GetProperty("niveau").GetInt32(), c1.GetProperty("niveauLibelle").GetString()));

        // Step 3 adds C2, which the evaluation did not reach: no level; C1 keeps its own.
        var modifiee = await pfmp.Eleve.PutAsJsonAsync($"{LeBook.Api}/reussites/{reussite.GetProperty("id")}", new
        {
            version = reussite.GetProperty("version").GetInt32(), titre = "Câblage", lieu = "centreFormation", date = "2026-10-05", competences = new[] { "C2", "C1" },
        });
        var apres = await modifiee.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(modifiee.IsSuccessStatusCode, apres.ToString());
        Assert.Equal([3, null], apres.GetProperty("competences").EnumerateArray()
            .Select(c => c.GetProperty("niveau").ValueKind == JsonValueKind.Null ? (int?)null : c.GetProperty("niveau").GetInt32()));
    }

    [Fact]
    public async Task An_edit_from_a_stale_version_gets_409_and_loses_nothing()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        var reussite = await LeBook.ReussiteAsync(pfmp.Eleve);
        var url = $"{LeBook.Api}/reussites/{reussite.GetProperty("id")}";
        (await pfmp.Eleve.PutAsJsonAsync(url, new { version = 1, titre = "Premier", lieu = "entreprise", date = "2026-11-12" })).EnsureSuccessStatusCode();
        var conflit = await pfmp.Eleve.PutAsJsonAsync(url, new { version = 1, titre = "Second", lieu = "entreprise", date = "2026-11-12" });
        Assert.Contains("rechargez-la", (await conflit.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var lue = await pfmp.Eleve.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(("Premier", 2), (lue.GetProperty("titre").GetString(), lue.GetProperty("version").GetInt32()));
        // Competences and « masquée » not given are kept.
        Assert.Single(lue.GetProperty("competences").EnumerateArray());
    }

    [Fact]
    public async Task Pages_are_ordered_hidden_deleted_into_the_bin_restored_and_purged_after_30_days()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        var a = (await LeBook.ReussiteAsync(pfmp.Eleve, LeBook.Libre("A"))).GetProperty("id").GetGuid();
        var b = (await LeBook.ReussiteAsync(pfmp.Eleve, LeBook.Libre("B"))).GetProperty("id").GetGuid();
        var c = (await LeBook.ReussiteAsync(pfmp.Eleve, LeBook.Libre("C"))).GetProperty("id").GetGuid();
        async Task<string[]> TitresAsync(string url = "/reussites") =>
            [.. (await pfmp.Eleve.GetFromJsonAsync<JsonElement[]>($"{LeBook.Api}{url}"))!.Select(r => r.GetProperty("titre").GetString()!)];
        Assert.Equal(["A", "B", "C"], await TitresAsync());

        (await pfmp.Eleve.PutAsJsonAsync($"{LeBook.Api}/ordre", new { reussites = new[] { c, a, b } })).EnsureSuccessStatusCode();
        Assert.Equal(["C", "A", "B"], await TitresAsync());
        await (await pfmp.Eleve.PutAsJsonAsync($"{LeBook.Api}/ordre", new { reussites = new[] { c, a } })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await pfmp.Eleve.PutAsJsonAsync($"{LeBook.Api}/ordre", new { reussites = new[] { c, a, b, b } })).AssertProblemAsync(HttpStatusCode.Conflict);

        (await pfmp.Eleve.PutAsJsonAsync($"{LeBook.Api}/reussites/{a}", new { version = 1, titre = "A", lieu = "entreprise", date = "2026-11-12", masquee = true }))
            .EnsureSuccessStatusCode();
        Assert.True((await pfmp.Eleve.GetFromJsonAsync<JsonElement>($"{LeBook.Api}/reussites/{a}")).GetProperty("masquee").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await pfmp.Eleve.DeleteAsync($"{LeBook.Api}/reussites/{b}")).StatusCode);
        Assert.Equal(["C", "A"], await TitresAsync());
        Assert.Equal(["B"], await TitresAsync("/corbeille"));
        await (await pfmp.Eleve.GetAsync($"{LeBook.Api}/reussites/{b}")).AssertProblemAsync(HttpStatusCode.NotFound);
        (await pfmp.Eleve.PostAsync($"{LeBook.Api}/reussites/{b}/restauration", null)).EnsureSuccessStatusCode();
        Assert.Equal(["C", "A", "B"], await TitresAsync());
        Assert.Empty(await TitresAsync("/corbeille"));

        // Deleted, then 29 days on it is still there; 31 days on it is purged, its photo's bytes with it.
        await pfmp.Eleve.PostAsync($"{LeBook.Api}/reussites/{c}/medias", Portfolio.Pfmp.Fichier(LeBook.JpegAvecGps(200, 100), "photo.jpg"));
        (await pfmp.Eleve.DeleteAsync($"{LeBook.Api}/reussites/{c}")).EnsureSuccessStatusCode();
        var purge = factory.Services.GetRequiredService<PurgerCorbeille.Service>();
        Assert.Equal(0, await purge.PurgerAsync(DateTimeOffset.UtcNow.AddDays(29), CancellationToken.None));
        Assert.Equal(["C"], await TitresAsync("/corbeille"));
        Assert.Equal(1, await purge.PurgerAsync(DateTimeOffset.UtcNow.AddDays(31), CancellationToken.None));
        Assert.Empty(await TitresAsync("/corbeille"));
        Assert.Equal(["A", "B"], await TitresAsync());
        await using var documents = factory.Documents(await factory.EtablissementIdAsync(pfmp.Classe.Uai));
        Assert.Equal(0, await Marten.QueryableExtensions.CountAsync(documents.Query<Cpro.Book.Domain.MediaReussite>().Where(m => m.ReussiteId == c)));
        (await pfmp.Eleve.PutAsJsonAsync($"{LeBook.Api}/ordre", new { reussites = new[] { b, a } })).EnsureSuccessStatusCode();
    }
}
