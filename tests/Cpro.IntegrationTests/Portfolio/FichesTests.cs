using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Kernel.Fichiers;
using Cpro.Scenarios.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.IntegrationTests.Portfolio;

[Collection(CproCollection.Name)]
public sealed class FichesTests(CproFactory factory)
{
    [Fact]
    public async Task The_learner_writes_edits_and_submits_a_fiche_which_then_is_frozen()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        var fiche = await pfmp.FicheAsync();
        Assert.Equal("brouillon", fiche.GetProperty("statut").GetString());
        Assert.Equal(["T2.3"], fiche.GetProperty("taches").EnumerateArray().Select(t => t.GetString()));
        var url = $"{pfmp.Base}/fiches/{fiche.GetProperty("id")}";

        var modifiee = await pfmp.Eleve.PutAsJsonAsync(url, new { version = 1, titre = "Pose de prises et d'interrupteurs", debut = "2027-01-06", fin = "2027-01-07",
            taches = new[] { "T2.3", "T2.1" } });
        Assert.Equal(HttpStatusCode.OK, modifiee.StatusCode);
        var lue = await modifiee.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, lue.GetProperty("version").GetInt32());
        Assert.Equal(["T2.1", "T2.3"], lue.GetProperty("taches").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("2027-01-07", lue.GetProperty("fin").GetString());

        var perimee = await (await pfmp.Eleve.PutAsJsonAsync(url, new { version = 1, titre = "Autre", debut = "2027-01-06" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("La fiche « Pose de prises et d'interrupteurs » a été enregistrée par ", perimee.GetProperty("detail").GetString());

        var soumise = await (await pfmp.Eleve.PostAsJsonAsync($"{url}/soumission", new { version = 2 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("soumise", soumise.GetProperty("statut").GetString());
        Assert.NotEqual(JsonValueKind.Null, soumise.GetProperty("soumiseLe").ValueKind);

        var figee = await (await pfmp.Eleve.PutAsJsonAsync(url, new { version = 3, titre = "Autre", debut = "2027-01-06" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("La fiche « Pose de prises et d'interrupteurs » est soumise : elle n'est plus modifiable.", figee.GetProperty("detail").GetString());
        await (await pfmp.Eleve.PostAsJsonAsync($"{url}/soumission", new { version = 3 })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await pfmp.Eleve.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await pfmp.Eleve.PostAsync($"{url}/pieces-jointes", Pfmp.Fichier(FichiersRessourcesTests.Png, "photo.png"))).AssertProblemAsync(HttpStatusCode.Conflict);

        var brouillon = await pfmp.FicheAsync(titre: "Brouillon à jeter");
        Assert.Equal(HttpStatusCode.NoContent, (await pfmp.Eleve.DeleteAsync($"{pfmp.Base}/fiches/{brouillon.GetProperty("id")}")).StatusCode);
        var fiches = (await pfmp.Referent.GetFromJsonAsync<JsonElement[]>($"{pfmp.Base}/fiches"))!;
        Assert.Equal(["Pose de prises et d'interrupteurs"], fiches.Select(f => f.GetProperty("titre").GetString()));
    }

    [Fact]
    public async Task A_fiche_has_a_title_a_date_within_the_period_and_the_periods_tasks_only()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);

        var sansTitre = await (await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/fiches", new { titre = " ", taches = Array.Empty<string>() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Le titre est obligatoire."], sansTitre.Errors("titre"));
        Assert.Equal(["La date de l'activité est obligatoire."], sansTitre.Errors("debut"));
        var inversee = await (await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/fiches", new { titre = "T", debut = "2027-01-10", fin = "2027-01-08" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["La date de fin suit la date de début."], inversee.Errors("fin"));

        var horsPeriode = await (await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/fiches", Pfmp.Fiche(debut: "2027-02-01")))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Les dates sont celles de la période en entreprise : du 04/01/2027 au 29/01/2027.", horsPeriode.GetProperty("detail").GetString());
        var autreTache = await (await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/fiches", Pfmp.Fiche(taches: ["T2.3", "T9.9"])))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Ces tâches ne sont pas celles de la période : T9.9.", autreTache.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Attachments_are_checked_by_content_downloaded_as_attachments_and_removed_from_a_draft()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        var url = $"{pfmp.Base}/fiches/{(await pfmp.FicheAsync()).GetProperty("id")}";

        var depot = await pfmp.Eleve.PostAsync($"{url}/pieces-jointes", Pfmp.Fichier(FichiersRessourcesTests.Png, "C:\\Photos\\tableau.png"));
        Assert.Equal(HttpStatusCode.Created, depot.StatusCode);
        var piece = await depot.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("tableau.png", piece.GetProperty("nomFichier").GetString());
        Assert.Equal("image/png", piece.GetProperty("typeContenu").GetString());

        var telechargement = await pfmp.Tuteur.GetAsync(depot.Headers.Location);
        Assert.Equal(FichiersRessourcesTests.Png, await telechargement.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", telechargement.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(["nosniff"], telechargement.Headers.GetValues("X-Content-Type-Options"));
        await (await pfmp.Collegue.GetAsync(depot.Headers.Location)).AssertProblemAsync(HttpStatusCode.Forbidden);

        foreach (var (contenu, nom) in new[] { ("MZ\u0090\u0000"u8.ToArray(), "photo.png"), ("<html></html>"u8.ToArray(), "page.html") })
        {
            var refus = await (await pfmp.Eleve.PostAsync($"{url}/pieces-jointes", Pfmp.Fichier(contenu, nom))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal($"« {nom} » n'est pas accepté : son type n'est pas admis ou son contenu ne correspond pas à son extension. Types acceptés : {TypeFichier.Acceptes}.",
                refus.GetProperty("detail").GetString());
        }
        await (await pfmp.Tuteur.PostAsync($"{url}/pieces-jointes", Pfmp.Fichier(FichiersRessourcesTests.Png, "photo.png"))).AssertProblemAsync(HttpStatusCode.Forbidden);

        var fiche = Assert.Single((await pfmp.Eleve.GetFromJsonAsync<JsonElement[]>($"{pfmp.Base}/fiches"))!);
        Assert.Equal(["tableau.png"], fiche.GetProperty("piecesJointes").EnumerateArray().Select(p => p.GetProperty("nomFichier").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await pfmp.Eleve.DeleteAsync($"{url}/pieces-jointes/{piece.GetProperty("id")}")).StatusCode);
        await (await pfmp.Eleve.GetAsync(depot.Headers.Location)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Attachments_share_the_establishments_space_with_scenario_resources()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        var url = $"{pfmp.Base}/fiches/{(await pfmp.FicheAsync()).GetProperty("id")}";
        long quota;
        using (var scope = factory.Services.CreateScope())
        {
            quota = scope.ServiceProvider.GetRequiredService<EspaceFichiers>().Quota;
        }
        await using (var documents = factory.Documents(await factory.EtablissementIdAsync(pfmp.Classe.Uai)))
        {
            var ressource = new Ressource { ScenarioId = Guid.NewGuid(), NomFichier = "archives.pdf", TypeContenu = "application/pdf", Taille = quota - 10, AjoutePar = "test" };
            documents.Insert(ressource);
            documents.Insert(new ContenuRessource { Id = ressource.Id, Contenu = FichiersRessourcesTests.Pdf });
            await documents.SaveChangesAsync();
        }

        var refus = await (await pfmp.Eleve.PostAsync($"{url}/pieces-jointes", Pfmp.Fichier(FichiersRessourcesTests.Png, "photo.png")))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("L'espace des fichiers de l'établissement (ressources et pièces jointes) serait dépassé (500 Mo utilisés sur 500 Mo) : supprimez des fichiers.",
            refus.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_referent_reviews_a_submitted_fiche_and_its_competences_go_into_the_bilan()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        var brouillon = await pfmp.FicheAsync(titre: "Pas encore soumise");
        var nonSoumise = await (await pfmp.Referent.PutAsJsonAsync($"{pfmp.Base}/fiches/{brouillon.GetProperty("id")}/revue",
            new { version = 1, taches = Array.Empty<string>(), items = new[] { "C1" } })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("La fiche « Pas encore soumise » n'est pas encore soumise par l'apprenant.", nonSoumise.GetProperty("detail").GetString());
        var fiche = await pfmp.FicheAsync(soumise: true);
        var url = $"{pfmp.Base}/fiches/{fiche.GetProperty("id")}/revue";
        var inconnu = await (await pfmp.Referent.PutAsJsonAsync(url, new { version = 2, taches = new[] { "T2.1" }, items = new[] { "C1", "C99" } }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Ces compétences ou critères ne sont pas du référentiel BACPRO-MELEC : C99.", inconnu.GetProperty("detail").GetString());

        var revue = await (await pfmp.Referent.PutAsJsonAsync(url, new { version = 2, taches = new[] { "T2.1" }, items = new[] { "C2.3", "C1" } }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["T2.3"], revue.GetProperty("taches").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["T2.1"], revue.GetProperty("tachesRetenues").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["C1", "C2.3"], revue.GetProperty("items").EnumerateArray().Select(t => t.GetString()));
        await (await pfmp.Referent.PutAsJsonAsync(url, new { version = 2, taches = new[] { "T2.1" }, items = new[] { "C1" } })).AssertProblemAsync(HttpStatusCode.Conflict);
        var bilan = await pfmp.Eleve.GetFromJsonAsync<JsonElement>($"{pfmp.Base}/bilan");
        Assert.True(bilan.GetProperty("existe").GetBoolean());
        Assert.Equal(["C1", "C2.3"], bilan.GetProperty("selection").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["C1", "C2"], bilan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));

        var autre = await pfmp.FicheAsync(soumise: true, titre: "Mise en service");
        await pfmp.ReviserAsync(autre, "C4");
        var ensemble = await pfmp.Eleve.GetFromJsonAsync<JsonElement>($"{pfmp.Base}/bilan");
        Assert.Equal(["C1", "C2.3", "C4"], ensemble.GetProperty("selection").EnumerateArray().Select(t => t.GetString()));
    }
}
