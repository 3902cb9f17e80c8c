using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Portfolio;

namespace Cpro.IntegrationTests.Book;

/// <summary>Every route of the book, for every profile: who may, who gets 403, and another establishment 404.</summary>
[Collection(CproCollection.Name)]
public sealed class DroitsTests(CproFactory factory)
{
    [Fact]
    public async Task Reading_a_book_is_for_the_learner_their_teachers_and_referents_the_ddftp_and_the_head()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        var reussite = (await LeBook.ReussiteAsync(pfmp.Eleve)).GetProperty("id").GetGuid();
        var media = (await (await pfmp.Eleve.PostAsync($"{LeBook.Api}/reussites/{reussite}/medias", Pfmp.Fichier(LeBook.JpegAvecGps(300, 200), "photo.jpg")))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        string[] lectures =
        [
            $"{LeBook.Api}/apprenants/{pfmp.Lea}", $"{LeBook.Api}/reussites/{reussite}", $"{LeBook.Api}/reussites/{reussite}/medias/{media}",
            $"{LeBook.Api}/apprenants/{pfmp.Lea}/export.pdf",
        ];
        foreach (var client in new[] { pfmp.Eleve, pfmp.Referent, pfmp.Ddftp, pfmp.Chef })
        {
            foreach (var url in lectures)
            {
                var reponse = await client.GetAsync(url);
                Assert.True(reponse.StatusCode == HttpStatusCode.OK, $"{url} : {(int)reponse.StatusCode} {await reponse.Content.ReadAsStringAsync()}");
            }
        }
        foreach (var client in new[] { pfmp.Collegue, pfmp.Hugo, pfmp.Tuteur, pfmp.Classe.Admin })
        {
            foreach (var url in lectures)
            {
                await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
            }
        }
        foreach (var url in lectures)
        {
            await (await pfmp.Ailleurs.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        }
        // The caller's own book: a learner's only.
        foreach (var url in new[] { "/reussites", "/sources", "/corbeille", "/export.pdf" })
        {
            Assert.Equal(HttpStatusCode.OK, (await pfmp.Eleve.GetAsync($"{LeBook.Api}{url}")).StatusCode);
            foreach (var client in new[] { pfmp.Referent, pfmp.Ddftp, pfmp.Chef, pfmp.Collegue, pfmp.Tuteur, pfmp.Classe.Admin })
            {
                await (await client.GetAsync($"{LeBook.Api}{url}")).AssertProblemAsync(HttpStatusCode.Forbidden);
            }
        }
        Assert.Empty((await pfmp.Hugo.GetFromJsonAsync<JsonElement[]>($"{LeBook.Api}/reussites"))!);
        // The competences to tie: the learner's step 3 only.
        Assert.Equal(HttpStatusCode.OK, (await pfmp.Eleve.GetAsync($"{LeBook.Api}/reussites/{reussite}/competences")).StatusCode);
        foreach (var client in new[] { pfmp.Referent, pfmp.Ddftp, pfmp.Chef, pfmp.Collegue, pfmp.Hugo, pfmp.Tuteur, pfmp.Classe.Admin })
        {
            await (await client.GetAsync($"{LeBook.Api}/reussites/{reussite}/competences")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await pfmp.Ailleurs.GetAsync($"{LeBook.Api}/reussites/{reussite}/competences")).AssertProblemAsync(HttpStatusCode.NotFound);
        // The learners whose book one may open: a teacher's, the DDFTP's and the head's; never another establishment's.
        async Task<string[]> ApprenantsAsync(HttpClient client) =>
            [.. (await client.GetFromJsonAsync<JsonElement[]>($"{LeBook.Api}/apprenants"))!.Select(a => a.GetProperty("prenom").GetString()!)];
        Assert.Contains("Lea", await ApprenantsAsync(pfmp.Referent));
        Assert.Contains("Lea", await ApprenantsAsync(pfmp.Ddftp));
        Assert.Contains("Lea", await ApprenantsAsync(pfmp.Chef));
        Assert.Empty(await ApprenantsAsync(pfmp.Collegue));
        Assert.Empty(await ApprenantsAsync(pfmp.Ailleurs));
        foreach (var client in new[] { pfmp.Eleve, pfmp.Hugo, pfmp.Tuteur, pfmp.Classe.Admin })
        {
            await (await client.GetAsync($"{LeBook.Api}/apprenants")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        var droits = (await pfmp.Referent.GetFromJsonAsync<JsonElement>($"{LeBook.Api}/apprenants/{pfmp.Lea}")).GetProperty("droits");
        Assert.Equal((false, true), (droits.GetProperty("rediger").GetBoolean(), droits.GetProperty("commenter").GetBoolean()));
    }

    [Fact]
    public async Task A_referent_who_does_not_teach_the_class_reads_and_comments_the_book_of_the_learners_of_their_periods()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        var reussite = (await LeBook.ReussiteAsync(pfmp.Eleve)).GetProperty("id").GetGuid();
        // The colleague becomes a referent of Léa's period.
        var periode = await pfmp.Ddftp.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{pfmp.PeriodeId}");
        var modification = await pfmp.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{pfmp.PeriodeId}", new
        {
            version = periode.GetProperty("version").GetInt32(), titre = periode.GetProperty("titre").GetString(), debut = "2027-01-04", fin = "2027-01-29",
            referents = new[] { pfmp.Classe.CompteId(pfmp.Classe.Professeur), pfmp.Classe.CollegueId }, apprenants = new[] { pfmp.Lea, pfmp.Classe.Ids["Hugo"] },
        });
        Assert.True(modification.IsSuccessStatusCode, await modification.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await pfmp.Collegue.GetAsync($"{LeBook.Api}/apprenants/{pfmp.Lea}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await pfmp.Collegue.PostAsJsonAsync($"{LeBook.Api}/reussites/{reussite}/commentaires", new { texte = "Bravo." })).StatusCode);
    }

    [Fact]
    public async Task Each_write_is_refused_to_whoever_it_is_not_for_and_unknown_in_another_establishment()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        var reussite = await LeBook.ReussiteAsync(pfmp.Eleve);
        var id = reussite.GetProperty("id").GetGuid();
        var url = $"{LeBook.Api}/reussites/{id}";
        var media = (await (await pfmp.Eleve.PostAsync($"{url}/medias", Pfmp.Fichier(Scenarios.FichiersRessourcesTests.Pdf, "doc.pdf")))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (string Nom, Func<HttpClient, Task<HttpResponseMessage>> Envoi, HttpClient[] Permis)[] ecritures =
        [
            ("modifier", c => c.PutAsJsonAsync(url, new { version = 1, titre = "Autre", lieu = "entreprise", date = "2026-11-12" }), [pfmp.Eleve]),
            ("illustrer", c => c.PostAsync($"{url}/medias", Pfmp.Fichier(Scenarios.FichiersRessourcesTests.Png, "p.png")), [pfmp.Eleve]),
            ("retirer un média", c => c.DeleteAsync($"{url}/medias/{media}"), [pfmp.Eleve]),
            ("commenter", c => c.PostAsJsonAsync($"{url}/commentaires", new { texte = "Bien." }), [pfmp.Referent]),
            ("supprimer", c => c.DeleteAsync(url), [pfmp.Eleve]),
            ("restaurer", c => c.PostAsync($"{url}/restauration", null), [pfmp.Eleve]),
        ];
        HttpClient[] tous = [pfmp.Eleve, pfmp.Referent, pfmp.Tuteur, pfmp.Ddftp, pfmp.Chef, pfmp.Collegue, pfmp.Hugo, pfmp.Classe.Admin];
        foreach (var (nom, envoi, permis) in ecritures)
        {
            foreach (var client in tous.Except(permis))
            {
                var reponse = await envoi(client);
                Assert.True(reponse.StatusCode == HttpStatusCode.Forbidden, $"{nom} : {(int)reponse.StatusCode} {await reponse.Content.ReadAsStringAsync()}");
            }
            await (await envoi(pfmp.Ailleurs)).AssertProblemAsync(HttpStatusCode.NotFound);
        }
        // Writes on the caller's own book: a learner's only (another establishment's DDFTP is no learner either).
        foreach (var client in new[] { pfmp.Referent, pfmp.Tuteur, pfmp.Ddftp, pfmp.Chef, pfmp.Collegue, pfmp.Classe.Admin, pfmp.Ailleurs })
        {
            await (await client.PostAsJsonAsync($"{LeBook.Api}/reussites", LeBook.Libre())).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PutAsJsonAsync($"{LeBook.Api}/ordre", new { reussites = new[] { id } })).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        // Hugo orders his own book, which does not hold Léa's page.
        await (await pfmp.Hugo.PutAsJsonAsync($"{LeBook.Api}/ordre", new { reussites = new[] { id } })).AssertProblemAsync(HttpStatusCode.Conflict);

        // Rights come before the body: a refused writer's unreadable JSON is never parsed (403, not 400).
        HttpContent Illisible() => new StringContent("{ pas du json", System.Text.Encoding.UTF8, "application/json");
        (string Nom, Func<HttpClient, Task<HttpResponseMessage>> Envoi, HttpClient[] Refuses)[] illisibles =
        [
            ("modifier", c => c.PutAsync(url, Illisible()), [pfmp.Referent, pfmp.Ddftp, pfmp.Hugo]),
            ("commenter", c => c.PostAsync($"{url}/commentaires", Illisible()), [pfmp.Eleve, pfmp.Ddftp, pfmp.Hugo]),
            ("créer", c => c.PostAsync($"{LeBook.Api}/reussites", Illisible()), [pfmp.Referent, pfmp.Ddftp]),
            ("ordonner", c => c.PutAsync($"{LeBook.Api}/ordre", Illisible()), [pfmp.Referent, pfmp.Ddftp]),
            ("activer", c => c.PutAsync($"{LeBook.Api}/activation", Illisible()), [pfmp.Eleve, pfmp.Referent]),
        ];
        foreach (var (nom, envoi, refuses) in illisibles)
        {
            foreach (var client in refuses)
            {
                var reponse = await envoi(client);
                Assert.True(reponse.StatusCode == HttpStatusCode.Forbidden, $"{nom} (corps illisible) : {(int)reponse.StatusCode} {await reponse.Content.ReadAsStringAsync()}");
            }
        }
        await (await pfmp.Eleve.PutAsync(url, Illisible())).AssertProblemAsync(HttpStatusCode.BadRequest);

        // Nothing refused was written.
        var lue = await pfmp.Eleve.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(("Mon premier tableau électrique", 1), (lue.GetProperty("titre").GetString(), lue.GetProperty("version").GetInt32()));
        Assert.Equal(media, Assert.Single(lue.GetProperty("medias").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Empty(lue.GetProperty("commentaires").EnumerateArray());
        Assert.Single((await pfmp.Eleve.GetFromJsonAsync<JsonElement[]>($"{LeBook.Api}/reussites"))!);
    }

    [Fact]
    public async Task Teachers_comment_the_learner_reads_the_comments_and_the_page_is_unchanged()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        var id = (await LeBook.ReussiteAsync(pfmp.Eleve)).GetProperty("id").GetGuid();
        var vide = await (await pfmp.Referent.PostAsJsonAsync($"{LeBook.Api}/reussites/{id}/commentaires", new { texte = " " })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Le commentaire est vide."], vide.Errors("texte"));
        (await pfmp.Referent.PostAsJsonAsync($"{LeBook.Api}/reussites/{id}/commentaires", new { texte = "Très beau travail, soigné." })).EnsureSuccessStatusCode();
        var lue = await pfmp.Eleve.GetFromJsonAsync<JsonElement>($"{LeBook.Api}/reussites/{id}");
        var commentaire = Assert.Single(lue.GetProperty("commentaires").EnumerateArray());
        Assert.Equal("Très beau travail, soigné.", commentaire.GetProperty("texte").GetString());
        Assert.Equal(1, lue.GetProperty("version").GetInt32());
    }
}
