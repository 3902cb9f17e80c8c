using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;

namespace Cpro.IntegrationTests.Portfolio;

[Collection(CproCollection.Name)]
public sealed class BilanTests(CproFactory factory)
{
    [Fact]
    public async Task Teacher_and_tutor_position_the_items_the_referent_finalises_and_the_dashboard_shows_them_en_entreprise()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        await pfmp.ReviserAsync(await pfmp.FicheAsync(soumise: true), "C1", "C2.3");
        var url = $"{pfmp.Base}/bilan";

        var tuteur = await (await pfmp.Tuteur.PutAsJsonAsync(url, new { version = 1, mode = "competences", niveaux = new Dictionary<string, string> { ["C1"] = "3" },
            commentaire = "Sérieuse et ponctuelle." })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, tuteur.GetProperty("version").GetInt32());
        var perime = await (await pfmp.Referent.PutAsJsonAsync(url, new { version = 1, mode = "competences", niveaux = new Dictionary<string, string> { ["C2"] = "4" } }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("Le bilan a été enregistré par Claire DUPONT le ", perime.GetProperty("detail").GetString());
        var manquant = await (await pfmp.Referent.PostAsJsonAsync($"{url}/finalisation", new { version = 2 })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Positionnez chaque item avant de finaliser (NE s'il n'a pas été évalué) ; manquent : C2.", manquant.GetProperty("detail").GetString());

        var papier = await (await pfmp.Referent.PutAsJsonAsync(url, new { version = 2, mode = "competences",
            niveaux = new Dictionary<string, string> { ["C1"] = "3", ["C2"] = "4" }, commentaire = "Sérieuse et ponctuelle.", saisieSurPapier = true }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(papier.GetProperty("saisieSurPapier").GetBoolean());
        await (await pfmp.Tuteur.PostAsJsonAsync($"{url}/finalisation", new { version = 3 })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var finalise = await (await pfmp.Referent.PostAsJsonAsync($"{url}/finalisation", new { version = 3 })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(finalise.GetProperty("finalise").GetBoolean());
        Assert.Equal("Alessandro VOLTA", finalise.GetProperty("finalisePar").GetString());
        var fige = await (await pfmp.Tuteur.PutAsJsonAsync(url, new { version = 4, mode = "competences" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("Le bilan a été finalisé par Alessandro VOLTA le ", fige.GetProperty("detail").GetString());
        var tableau = await pfmp.Eleve.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{pfmp.Lea}");
        var evaluation = Assert.Single(tableau.GetProperty("evaluations").EnumerateArray());
        Assert.True(evaluation.GetProperty("enEntreprise").GetBoolean());
        Assert.Equal("Bilan en entreprise — PFMP 1 — Câblage", evaluation.GetProperty("titre").GetString());
        var competences = tableau.GetProperty("referentiels")[0].GetProperty("competences").EnumerateArray()
            .Where(c => c.GetProperty("positionnements").GetArrayLength() > 0)
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("synthese").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["C1"] = "3", ["C2"] = "4" }, competences);
        var synthese = await pfmp.Referent.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{pfmp.Lea}/synthese");
        Assert.Equal("3", synthese.GetProperty("referentiels")[0].GetProperty("competences").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "C1")
            .GetProperty("niveau").GetString());
    }

    [Fact]
    public async Task Reopening_needs_a_referent_is_recorded_and_withdraws_the_positionings_meanwhile()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        var bilan = await FinaliseAsync(pfmp);
        var url = $"{pfmp.Base}/bilan";
        var version = bilan.GetProperty("version").GetInt32();

        await (await pfmp.Tuteur.PostAsJsonAsync($"{url}/reouverture", new { version })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await pfmp.Ddftp.PostAsJsonAsync($"{url}/reouverture", new { version })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var rouvert = await (await pfmp.Referent.PostAsJsonAsync($"{url}/reouverture", new { version })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(rouvert.GetProperty("finalise").GetBoolean());
        Assert.Equal(["Finalisé", "Rouvert"], rouvert.GetProperty("historique").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        var tableau = await pfmp.Eleve.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{pfmp.Lea}");
        Assert.Empty(tableau.GetProperty("evaluations").EnumerateArray());
        await (await pfmp.Referent.PostAsJsonAsync($"{url}/reouverture", new { version = version + 1 })).AssertProblemAsync(HttpStatusCode.Conflict);

        var detaille = await (await pfmp.Referent.PutAsJsonAsync(url, new { version = version + 1, mode = "criteres",
            niveaux = new Dictionary<string, string> { ["C1.1"] = "2", ["C1.2"] = "NE" } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["C1.1", "C1.2", "C1.3", "C1.4", "C1.5", "C1.6", "C1.7", "C1.8"],
            detaille.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        var horsBilan = await (await pfmp.Referent.PutAsJsonAsync(url, new { version = version + 2, mode = "criteres",
            niveaux = new Dictionary<string, string> { ["C2.1"] = "2" } })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Ces items ne sont pas à positionner dans ce bilan : C2.1.", horsBilan.GetProperty("detail").GetString());
        var invalide = await (await pfmp.Referent.PutAsJsonAsync(url, new { version = version + 2, mode = "autre",
            niveaux = new Dictionary<string, string> { ["C1.1"] = "5" } })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Niveau « 5 » invalide pour C1.1 : 1, 2, 3, 4 ou NE (non évalué)."], invalide.Errors("niveaux[0]"));
        Assert.Equal(["Le mode est « competences » (compétences générales) ou « criteres » (détaillée par critères)."], invalide.Errors("mode"));
        await (await pfmp.Tuteur.PutAsJsonAsync(url, new { version = version + 2, mode = "criteres", saisieSurPapier = true })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_period_whose_bilan_is_finalised_is_neither_deleted_nor_loses_that_learner_until_it_is_reopened()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        var bilan = await FinaliseAsync(pfmp);
        var periode = await pfmp.Ddftp.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{pfmp.PeriodeId}");

        var suppression = await (await pfmp.Ddftp.DeleteAsync($"/api/periodes/entreprise/{pfmp.PeriodeId}?confirmation=1"))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("1 bilan(s) en entreprise finalisé(s) sur la période « PFMP 1 — Câblage » (Lea MARTIN) seraient perdus : un professeur référent doit d'abord les rouvrir dans le portfolio.",
            suppression.GetProperty("detail").GetString());
        await (await pfmp.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{pfmp.PeriodeId}?confirmation=1", new
        {
            version = periode.GetProperty("version").GetInt32(), titre = "PFMP 1 — Câblage", debut = "2027-01-04", fin = "2027-01-29",
            apprenants = new[] { pfmp.Classe.Ids["Hugo"] },
        })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.OK, (await pfmp.Ddftp.GetAsync($"{pfmp.Base}/bilan")).StatusCode);

        (await pfmp.Referent.PostAsJsonAsync($"{pfmp.Base}/bilan/reouverture", new { version = bilan.GetProperty("version").GetInt32() })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await pfmp.Ddftp.DeleteAsync($"/api/periodes/entreprise/{pfmp.PeriodeId}?confirmation=3")).StatusCode);
    }

    /// <summary>One fiche reviewed with C1, positioned 3 by the tutor, finalised by the referent.</summary>
    private static async Task<JsonElement> FinaliseAsync(Pfmp pfmp)
    {
        await pfmp.ReviserAsync(await pfmp.FicheAsync(soumise: true), "C1");
        (await pfmp.Tuteur.PutAsJsonAsync($"{pfmp.Base}/bilan", new { version = 1, mode = "competences", niveaux = new Dictionary<string, string> { ["C1"] = "3" } }))
            .EnsureSuccessStatusCode();
        var finalisation = await pfmp.Referent.PostAsJsonAsync($"{pfmp.Base}/bilan/finalisation", new { version = 2 });
        Assert.True(finalisation.IsSuccessStatusCode, await finalisation.Content.ReadAsStringAsync());
        return await finalisation.Content.ReadFromJsonAsync<JsonElement>();
    }
}
