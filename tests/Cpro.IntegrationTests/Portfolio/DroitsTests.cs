using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;

namespace Cpro.IntegrationTests.Portfolio;

/// <summary>Every route of a learner's portfolio, for every profile: who may, who gets 403, and another establishment 404.</summary>
[Collection(CproCollection.Name)]
public sealed class DroitsTests(CproFactory factory)
{
    [Fact]
    public async Task Each_lists_the_periods_they_follow_with_the_learners_they_follow()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);

        async Task<string[]> ApprenantsAsync(HttpClient client) =>
            [.. (await client.GetFromJsonAsync<JsonElement[]>("/api/portfolio/periodes"))!
                .SelectMany(p => p.GetProperty("apprenants").EnumerateArray().Select(a => a.GetProperty("prenom").GetString()!)).Order()];

        Assert.Equal(["Lea"], await ApprenantsAsync(pfmp.Eleve));
        Assert.Equal(["Lea"], await ApprenantsAsync(pfmp.Tuteur));
        Assert.Equal(["Hugo", "Lea"], await ApprenantsAsync(pfmp.Referent));
        Assert.Equal(["Hugo", "Lea"], await ApprenantsAsync(pfmp.Ddftp));
        Assert.Equal(["Hugo", "Lea"], await ApprenantsAsync(pfmp.Chef));
        Assert.Empty(await ApprenantsAsync(pfmp.Collegue));
        Assert.Empty(await ApprenantsAsync(pfmp.Ailleurs));
        var periode = Assert.Single((await pfmp.Tuteur.GetFromJsonAsync<JsonElement[]>("/api/portfolio/periodes"))!);
        Assert.Equal("Élec Services", periode.GetProperty("apprenants")[0].GetProperty("entreprise").GetString());
    }

    [Fact]
    public async Task Reading_is_for_the_learner_the_referents_the_tutor_the_ddftp_and_the_head()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        var fiche = await pfmp.FicheAsync();
        var piece = await (await pfmp.Eleve.PostAsync($"{pfmp.Base}/fiches/{fiche.GetProperty("id")}/pieces-jointes",
            Pfmp.Fichier(FichiersRessourcesTests.Png, "photo.png"))).Content.ReadFromJsonAsync<JsonElement>();
        string[] lectures = [pfmp.Base, $"{pfmp.Base}/fiches", $"{pfmp.Base}/journal", $"{pfmp.Base}/bilan", $"{pfmp.Base}/pieces-jointes/{piece.GetProperty("id")}"];

        foreach (var client in new[] { pfmp.Eleve, pfmp.Referent, pfmp.Tuteur, pfmp.Ddftp, pfmp.Chef })
        {
            foreach (var url in lectures)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            }
        }
        foreach (var client in new[] { pfmp.Collegue, pfmp.Hugo, pfmp.Classe.Admin })
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
        await (await pfmp.Eleve.GetAsync($"/api/portfolio/periodes/{pfmp.PeriodeId}/apprenants/{pfmp.Classe.Ids["Zoe"]}/fiches")).AssertProblemAsync(HttpStatusCode.NotFound);
        var droits = (await pfmp.Tuteur.GetFromJsonAsync<JsonElement>(pfmp.Base)).GetProperty("droits");
        Assert.Equal((false, false, true, true, false), (droits.GetProperty("rediger").GetBoolean(), droits.GetProperty("reviser").GetBoolean(),
            droits.GetProperty("commenter").GetBoolean(), droits.GetProperty("positionner").GetBoolean(), droits.GetProperty("finaliser").GetBoolean()));
    }

    [Fact]
    public async Task Each_write_is_refused_to_whoever_it_is_not_for_and_unknown_in_another_establishment()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        var brouillon = await pfmp.FicheAsync();
        var soumise = await pfmp.FicheAsync(soumise: true, titre: "Soumise");
        var entree = await (await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/journal", new { date = "2027-01-05", texte = "Premier jour." }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var fiche = $"{pfmp.Base}/fiches/{brouillon.GetProperty("id")}";
        var revue = $"{pfmp.Base}/fiches/{soumise.GetProperty("id")}/revue";
        var journal = $"{pfmp.Base}/journal/{entree.GetProperty("id")}";

        // Each write, and those who may do it: the others of the establishment get 403, another establishment 404.
        (string Nom, Func<HttpClient, Task<HttpResponseMessage>> Envoi, HttpClient[] Permis)[] ecritures =
        [
            ("créer une fiche", c => c.PostAsJsonAsync($"{pfmp.Base}/fiches", Pfmp.Fiche()), [pfmp.Eleve]),
            ("modifier une fiche", c => c.PutAsJsonAsync(fiche, new { version = 1, titre = "Autre", debut = "2027-01-06" }), [pfmp.Eleve]),
            ("joindre à une fiche", c => c.PostAsync($"{fiche}/pieces-jointes", Pfmp.Fichier(FichiersRessourcesTests.Png, "p.png")), [pfmp.Eleve]),
            ("soumettre une fiche", c => c.PostAsJsonAsync($"{fiche}/soumission", new { version = 1 }), [pfmp.Eleve]),
            ("supprimer une fiche", c => c.DeleteAsync(fiche), [pfmp.Eleve]),
            ("réviser une fiche", c => c.PutAsJsonAsync(revue, new { version = 2, taches = Array.Empty<string>(), items = new[] { "C1" } }), [pfmp.Referent]),
            ("écrire au journal", c => c.PostAsJsonAsync($"{pfmp.Base}/journal", new { date = "2027-01-06", texte = "Jour 2" }), [pfmp.Eleve]),
            ("joindre au journal", c => c.PostAsync($"{journal}/pieces-jointes", Pfmp.Fichier(FichiersRessourcesTests.Png, "p.png")), [pfmp.Eleve]),
            ("commenter", c => c.PostAsJsonAsync($"{journal}/commentaires", new { texte = "Bien." }), [pfmp.Tuteur, pfmp.Referent]),
            ("positionner", c => c.PutAsJsonAsync($"{pfmp.Base}/bilan", new { version = 0, mode = "competences" }), [pfmp.Tuteur, pfmp.Referent]),
            ("finaliser", c => c.PostAsJsonAsync($"{pfmp.Base}/bilan/finalisation", new { version = 0 }), [pfmp.Referent]),
            ("rouvrir", c => c.PostAsJsonAsync($"{pfmp.Base}/bilan/reouverture", new { version = 0 }), [pfmp.Referent]),
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
        // Nothing refused was written.
        Assert.Equal(2, (await pfmp.Eleve.GetFromJsonAsync<JsonElement[]>($"{pfmp.Base}/fiches"))!.Length);
        Assert.Empty(Assert.Single((await pfmp.Eleve.GetFromJsonAsync<JsonElement[]>($"{pfmp.Base}/journal"))!).GetProperty("commentaires").EnumerateArray());
        Assert.False((await pfmp.Eleve.GetFromJsonAsync<JsonElement>($"{pfmp.Base}/bilan")).GetProperty("existe").GetBoolean());
    }
}
