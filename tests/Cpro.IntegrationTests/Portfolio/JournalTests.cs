using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;

namespace Cpro.IntegrationTests.Portfolio;

[Collection(CproCollection.Name)]
public sealed class JournalTests(CproFactory factory)
{
    [Fact]
    public async Task The_learner_writes_entries_the_tutor_and_the_referent_comment_and_the_thread_shows_them_in_order()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        var jour = await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/journal", new { date = "2027-01-05", texte = "Accueil, visite du dépôt, règles de sécurité." });
        Assert.Equal(HttpStatusCode.Created, jour.StatusCode);
        var entree = await jour.Content.ReadFromJsonAsync<JsonElement>();
        var semaine = await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/journal",
            new { date = "2027-01-11", semaine = true, texte = "Semaine de câblage.", taches = new[] { "T2.3" } });
        Assert.Equal(HttpStatusCode.Created, semaine.StatusCode);
        var url = $"{pfmp.Base}/journal/{entree.GetProperty("id")}";
        Assert.Equal(HttpStatusCode.Created, (await pfmp.Eleve.PostAsync($"{url}/pieces-jointes", Pfmp.Fichier(FichiersRessourcesTests.Pdf, "consignes.pdf"))).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await pfmp.Tuteur.PostAsJsonAsync($"{url}/commentaires", new { texte = "Très attentive aux consignes." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await pfmp.Referent.PostAsJsonAsync($"{url}/commentaires", new { texte = "Notez les EPI utilisés." })).StatusCode);
        await (await pfmp.Eleve.PostAsJsonAsync($"{url}/commentaires", new { texte = "Merci" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var vide = await (await pfmp.Tuteur.PostAsJsonAsync($"{url}/commentaires", new { texte = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Le commentaire est vide."], vide.Errors("texte"));

        var journal = (await pfmp.Chef.GetFromJsonAsync<JsonElement[]>($"{pfmp.Base}/journal"))!;
        Assert.Equal(["2027-01-11", "2027-01-05"], journal.Select(e => e.GetProperty("date").GetString()));
        Assert.True(journal[0].GetProperty("semaine").GetBoolean());
        Assert.Equal(["T2.3"], journal[0].GetProperty("taches").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["consignes.pdf"], journal[1].GetProperty("piecesJointes").EnumerateArray().Select(p => p.GetProperty("nomFichier").GetString()));
        Assert.Equal([("Tuteur", "Très attentive aux consignes."), ("Professeur référent", "Notez les EPI utilisés.")],
            journal[1].GetProperty("commentaires").EnumerateArray().Select(c => (c.GetProperty("qualite").GetString(), c.GetProperty("texte").GetString())));
    }

    [Fact]
    public async Task An_entry_has_a_date_within_the_period_and_a_text()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);

        var vide = await (await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/journal", new { texte = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Écrivez ce que vous avez fait."], vide.Errors("texte"));
        Assert.Equal(["La date (le jour, ou le lundi de la semaine) est obligatoire."], vide.Errors("date"));
        await (await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/journal", new { date = "2026-12-20", texte = "Avant" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await pfmp.Tuteur.PostAsJsonAsync($"{pfmp.Base}/journal/{Guid.NewGuid()}/commentaires", new { texte = "?" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
