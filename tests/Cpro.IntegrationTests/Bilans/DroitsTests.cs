using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;

namespace Cpro.IntegrationTests.Bilans;

/// <summary>Every route of the bilans, for every profile: who may, who gets 403, and another establishment 404; a refused
/// write never has its body read.</summary>
[Collection(CproCollection.Name)]
public sealed class DroitsTests(CproFactory factory)
{
    [Fact]
    public async Task Reading_is_for_the_divisions_teachers_the_direction_and_once_finalised_the_learner_and_her_tutor()
    {
        using var c = await ClasseBilans.CreerAsync(factory);
        var p = c.Pfmp;
        var bilan = (await c.FinaliserAsync(await c.CommencerAsync())).GetProperty("id");
        string[] lectures = [$"/api/bilans/apprenants/{c.Lea}", $"/api/bilans/{bilan}", $"/api/bilans/apprenants/{c.Lea}/export.pdf"];

        foreach (var client in new[] { p.Referent, p.Ddftp, p.Chef, p.Eleve, p.Tuteur })
        {
            foreach (var url in lectures)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            }
        }
        foreach (var client in new[] { p.Collegue, p.Hugo, p.Classe.Admin })
        {
            foreach (var url in lectures)
            {
                await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
            }
        }
        foreach (var url in lectures)
        {
            await (await p.Ailleurs.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        var division = $"/api/bilans/divisions/2MELEC1/export.pdf?periode={c.Semestre1}";
        foreach (var client in new[] { p.Referent, p.Ddftp, p.Chef })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(division)).StatusCode);
        }
        foreach (var client in new[] { p.Collegue, p.Eleve, p.Hugo, p.Tuteur, p.Classe.Admin })
        {
            await (await client.GetAsync(division)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await p.Ailleurs.GetAsync(division)).AssertProblemAsync(HttpStatusCode.NotFound);

        // The console is the DDFTP's and the head's, each of their own establishment.
        foreach (var url in new[] { "/api/bilans/indicateurs", "/api/bilans/console" })
        {
            Assert.Equal(HttpStatusCode.OK, (await p.Ddftp.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await p.Chef.GetAsync(url)).StatusCode);
            foreach (var client in new[] { p.Referent, p.Collegue, p.Eleve, p.Hugo, p.Tuteur, p.Classe.Admin })
            {
                await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
            }
        }
        Assert.Empty((await p.Ailleurs.GetFromJsonAsync<JsonElement>("/api/bilans/indicateurs")).GetProperty("divisions").EnumerateArray());
        foreach (var (client, page) in new[] { (p.Collegue, "/bilans/console"), (p.Eleve, "/bilans/console") })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(page)).StatusCode);
        }
    }

    [Fact]
    public async Task Each_write_is_refused_to_whoever_it_is_not_for_before_its_body_is_read_and_unknown_in_another_establishment()
    {
        using var c = await ClasseBilans.CreerAsync(factory);
        var p = c.Pfmp;
        var finalise = (await c.FinaliserAsync(await c.CommencerAsync())).GetProperty("id");
        var brouillon = (await c.CommencerAsync(c.Classe.Ids["Hugo"])).GetProperty("id");
        var hugo = c.Classe.Ids["Hugo"];

        (string Nom, string Url, object Corps, HttpClient[] Permis)[] ecritures =
        [
            ("commencer", $"/api/bilans/apprenants/{hugo}", new { periode = c.Semestre2.ToString(), referentiel = "BACPRO-MELEC" }, [p.Referent]),
            ("enregistrer", $"/api/bilans/{brouillon}", new { version = 1 }, [p.Referent]),
            ("finaliser", $"/api/bilans/{brouillon}/finalisation", new { version = 1 }, [p.Referent]),
            ("rouvrir", $"/api/bilans/{finalise}/reouverture", new { version = 2, motif = "Erreur" }, [p.Ddftp]),
            ("relancer", "/api/bilans/relances", new { division = "2MELEC1", periode = c.Semestre1 }, [p.Ddftp, p.Chef]),
        ];
        HttpClient[] tous = [p.Eleve, p.Referent, p.Tuteur, p.Ddftp, p.Chef, p.Collegue, p.Hugo, p.Classe.Admin];

        foreach (var (nom, url, corps, permis) in ecritures)
        {
            Task<HttpResponseMessage> Envoyer(HttpClient client, HttpContent contenu) =>
                nom == "enregistrer" ? client.PutAsync(url, contenu) : client.PostAsync(url, contenu);
            foreach (var client in tous.Except(permis))
            {
                var reponse = await Envoyer(client, JsonContent.Create(corps));
                Assert.True(reponse.StatusCode == HttpStatusCode.Forbidden, $"{nom} : {(int)reponse.StatusCode} {await reponse.Content.ReadAsStringAsync()}");
                // A malformed body is never read: still 403, not 400.
                var illisible = await Envoyer(client, new StringContent("{ pas du json", Encoding.UTF8, "application/json"));
                Assert.True(illisible.StatusCode == HttpStatusCode.Forbidden, $"{nom} (corps illisible) : {(int)illisible.StatusCode}");
            }
            var ailleurs = await Envoyer(p.Ailleurs, JsonContent.Create(corps));
            Assert.True(ailleurs.StatusCode == HttpStatusCode.NotFound, $"{nom} ailleurs : {(int)ailleurs.StatusCode} {await ailleurs.Content.ReadAsStringAsync()}");
        }
        // Nothing refused was written.
        var bilans = (await p.Referent.GetFromJsonAsync<JsonElement>($"/api/bilans/apprenants/{hugo}")).GetProperty("bilans");
        Assert.False(Assert.Single(bilans.EnumerateArray()).GetProperty("finalise").GetBoolean());
        Assert.True((await p.Ddftp.GetFromJsonAsync<JsonElement>($"/api/bilans/{finalise}")).GetProperty("finalise").GetBoolean());
        Assert.Empty((await p.Ddftp.GetFromJsonAsync<JsonElement>("/api/bilans/indicateurs")).GetProperty("relances").EnumerateArray());
    }
}
