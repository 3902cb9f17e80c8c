using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;

namespace Cpro.IntegrationTests.Bilans;

[Collection(CproCollection.Name)]
public sealed class BilansTests(CproFactory factory)
{
    [Fact]
    public async Task A_teacher_starts_a_bilan_prefilled_by_the_rule_adjusts_it_and_finalises_a_snapshot_later_grids_never_move()
    {
        using var c = await ClasseBilans.CreerAsync(factory);
        var (evaluation, version) = await c.EvaluerAsync("3");

        var aFaire = await c.Professeur.GetFromJsonAsync<JsonElement>($"/api/bilans/apprenants/{c.Lea}");
        Assert.Equal(["Bilan intermédiaire — Semestre 1"], aFaire.GetProperty("aCommencer").EnumerateArray().Select(a => a.GetProperty("libelle").GetString()));
        var bilan = await c.CommencerAsync();
        var c1 = ClasseBilans.Competence(bilan, "C1");
        Assert.Equal("3", c1.GetProperty("niveauCalcule").GetString());
        Assert.Equal("3", c1.GetProperty("niveau").GetString());
        Assert.False(c1.GetProperty("ajuste").GetBoolean());
        var preuve = Assert.Single(c1.GetProperty("preuves").EnumerateArray());
        Assert.Equal((evaluation, "C1", "3"), (preuve.GetProperty("evaluationId").GetGuid(), preuve.GetProperty("item").GetString(), preuve.GetProperty("niveau").GetString()));
        Assert.Equal("le dernier positionnement", bilan.GetProperty("regle").GetString());
        Assert.Null(ClasseBilans.Competence(bilan, "C3").GetProperty("niveauCalcule").GetString());

        // A draft follows the evidence: a new save of the grid shows at the next read.
        version = await c.NoterAsync(evaluation, version, "4");
        var id = bilan.GetProperty("id").GetGuid();
        Assert.Equal("4", ClasseBilans.Competence(await c.Professeur.GetFromJsonAsync<JsonElement>($"/api/bilans/{id}"), "C1").GetProperty("niveauCalcule").GetString());

        var ajuste = await (await c.Professeur.PutAsJsonAsync($"/api/bilans/{id}", new
        {
            version = 1, appreciation = "Bon semestre.",
            competences = new Dictionary<string, object> { ["C2"] = new { niveau = "3", commentaire = "Mieux en fin de semestre." } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var c2 = ClasseBilans.Competence(ajuste, "C2");
        Assert.Equal(("2", "3", true, "Mieux en fin de semestre."), (c2.GetProperty("niveauCalcule").GetString(), c2.GetProperty("niveau").GetString(),
            c2.GetProperty("ajuste").GetBoolean(), c2.GetProperty("commentaire").GetString()));
        Assert.Equal(2, ajuste.GetProperty("version").GetInt32());

        // Two teachers: the second save from the copy read before gets 409 naming who saved.
        var perime = await (await c.Professeur.PutAsJsonAsync($"/api/bilans/{id}", new { version = 1, appreciation = "Autre." })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("Le bilan a été enregistré par Alessandro VOLTA le ", perime.GetProperty("detail").GetString());

        await (await c.Pfmp.Eleve.GetAsync($"/api/bilans/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await c.Pfmp.Eleve.GetFromJsonAsync<JsonElement>($"/api/bilans/apprenants/{c.Lea}")).GetProperty("bilans").EnumerateArray());

        var fige = await c.FinaliserAsync(ajuste);
        Assert.True(fige.GetProperty("finalise").GetBoolean());
        Assert.Equal("Alessandro VOLTA", fige.GetProperty("finalisePar").GetString());

        // Later evaluations, of the period or not, never change a finalised bilan.
        await c.NoterAsync(evaluation, version, "1");
        await c.EvaluerAsync("2");
        var relu = await c.Pfmp.Eleve.GetFromJsonAsync<JsonElement>($"/api/bilans/{id}");
        Assert.Equal("4", ClasseBilans.Competence(relu, "C1").GetProperty("niveauCalcule").GetString());
        Assert.Single(ClasseBilans.Competence(relu, "C1").GetProperty("preuves").EnumerateArray());
        Assert.Equal("3", ClasseBilans.Competence(relu, "C2").GetProperty("niveau").GetString());
        Assert.Equal(HttpStatusCode.OK, (await c.Pfmp.Tuteur.GetAsync($"/api/bilans/{id}")).StatusCode);
        Assert.Single((await c.Pfmp.Tuteur.GetFromJsonAsync<JsonElement>($"/api/bilans/apprenants/{c.Lea}")).GetProperty("bilans").EnumerateArray());

        var modifie = await (await c.Professeur.PutAsJsonAsync($"/api/bilans/{id}", new { version = 3 })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("Le bilan a été finalisé par Alessandro VOLTA le ", modifie.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_ddftp_reopens_a_finalised_bilan_with_a_reason_recorded_and_it_follows_the_evidence_again()
    {
        using var c = await ClasseBilans.CreerAsync(factory);
        var (evaluation, version) = await c.EvaluerAsync("3");
        var bilan = await c.FinaliserAsync(await c.CommencerAsync());
        var id = bilan.GetProperty("id").GetGuid();
        await c.NoterAsync(evaluation, version, "1");

        await (await c.Professeur.PostAsJsonAsync($"/api/bilans/{id}/reouverture", new { version = 2, motif = "Erreur" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var sansMotif = await (await c.Ddftp.PostAsJsonAsync($"/api/bilans/{id}/reouverture", new { version = 2, motif = " " })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Dites pourquoi le bilan est rouvert."], sansMotif.Errors("motif"));
        var rouvert = await (await c.Ddftp.PostAsJsonAsync($"/api/bilans/{id}/reouverture", new { version = 2, motif = "Une évaluation de septembre était mal saisie." }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(rouvert.GetProperty("finalise").GetBoolean());
        var etape = rouvert.GetProperty("historique")[1];
        Assert.Equal(("Rouvert", "Une évaluation de septembre était mal saisie."), (etape.GetProperty("action").GetString(), etape.GetProperty("motif").GetString()));
        await (await c.Pfmp.Eleve.GetAsync($"/api/bilans/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("1", ClasseBilans.Competence(await c.Professeur.GetFromJsonAsync<JsonElement>($"/api/bilans/{id}"), "C1").GetProperty("niveauCalcule").GetString());
        await (await c.Ddftp.PostAsJsonAsync($"/api/bilans/{id}/reouverture", new { version = 3, motif = "Encore" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_french_message_and_writes_nothing()
    {
        using var c = await ClasseBilans.CreerAsync(factory);
        var url = $"/api/bilans/apprenants/{c.Lea}";

        var pfmp = await (await c.Professeur.PostAsJsonAsync(url, new { periode = c.PfmpOfficielle.ToString(), referentiel = "BACPRO-MELEC" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("« PFMP A » n'est pas un trimestre ou un semestre du référentiel BACPRO-MELEC pour la division 2MELEC1.", pfmp.GetProperty("detail").GetString());
        var autre = await (await c.Professeur.PostAsJsonAsync(url, new { periode = c.Semestre1.ToString(), referentiel = "BACPRO-CIEL" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("La division 2MELEC1 ne suit pas le référentiel BACPRO-CIEL.", autre.GetProperty("detail").GetString());
        var cycle = await (await c.Professeur.PostAsJsonAsync(url, new { periode = "cycle", referentiel = "BACPRO-MELEC" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("Le bilan de fin de cycle se fait en dernière année du cycle", cycle.GetProperty("detail").GetString());
        var vide = await (await c.Professeur.PostAsJsonAsync(url, new { periode = "demain" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Choisissez le référentiel du bilan."], vide.Errors("referentiel"));
        Assert.Equal(["La période est l'identifiant d'une période officielle, ou « cycle » pour le bilan de fin de cycle."], vide.Errors("periode"));
        await (await c.Professeur.PostAsync(url, new StringContent("{\"periode\": ", Encoding.UTF8, "application/json"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await c.Professeur.PostAsJsonAsync(url, new { periode = Guid.NewGuid().ToString(), referentiel = "BACPRO-MELEC" })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await c.Professeur.GetFromJsonAsync<JsonElement>(url)).GetProperty("bilans").EnumerateArray());

        var bilan = await c.CommencerAsync();
        var double_ = await (await c.Professeur.PostAsJsonAsync(url, new { periode = c.Semestre1.ToString(), referentiel = "BACPRO-MELEC" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Un bilan existe déjà pour cette période, commencé par Alessandro VOLTA : ouvrez-le plutôt.", double_.GetProperty("detail").GetString());
        var id = bilan.GetProperty("id");
        var invalide = await (await c.Professeur.PutAsJsonAsync($"/api/bilans/{id}", new
        {
            version = 1, competences = new Dictionary<string, object> { ["C1"] = new { niveau = "5" } }, appreciation = new string('a', 4001),
        })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Niveau « 5 » invalide pour C1 : 1, 2, 3, 4 ou NE (non évalué), ou rien pour garder le niveau calculé."], invalide.Errors("competences[0]"));
        Assert.Equal(["L'appréciation générale compte 4000 caractères au plus."], invalide.Errors("appreciation"));
        var hors = await (await c.Professeur.PutAsJsonAsync($"/api/bilans/{id}", new { version = 1, competences = new Dictionary<string, object> { ["C99"] = new { niveau = "3" } } }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Ces compétences ne sont pas dans ce bilan : C99.", hors.GetProperty("detail").GetString());
        await (await c.Professeur.PutAsync($"/api/bilans/{id}", new StringContent("[1,2]", Encoding.UTF8, "application/json"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1, (await c.Professeur.GetFromJsonAsync<JsonElement>($"/api/bilans/{id}")).GetProperty("version").GetInt32());
    }
}
