using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Portfolio.Domain;
using Marten;

namespace Cpro.IntegrationTests.Portfolio;

/// <summary>Deleting a company period takes its learners' portfolios with it, once the DDFTP confirmed how many entries go.</summary>
[Collection(CproCollection.Name)]
public sealed class SuppressionPeriodeTests(CproFactory factory)
{
    [Fact]
    public async Task The_confirmation_counts_the_portfolio_entries_and_once_given_nothing_of_the_periods_portfolios_remains()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        await pfmp.ReviserAsync(await pfmp.FicheAsync(soumise: true), "C1");
        (await pfmp.Tuteur.PutAsJsonAsync($"{pfmp.Base}/bilan", new { version = 1, mode = "competences", niveaux = new Dictionary<string, string> { ["C1"] = "3" } }))
            .EnsureSuccessStatusCode();
        var brouillon = await pfmp.FicheAsync(titre: "Repérage du tableau");
        var photo = await pfmp.Eleve.PostAsync($"{pfmp.Base}/fiches/{brouillon.GetProperty("id")}/pieces-jointes", Pfmp.Fichier(FichiersRessourcesTests.Png, "tableau.png"));
        Assert.Equal(HttpStatusCode.Created, photo.StatusCode);
        var entree = await (await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/journal", new { date = "2027-01-05", texte = "Accueil et sécurité." }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var journal = $"{pfmp.Base}/journal/{entree.GetProperty("id")}";
        var consignes = await pfmp.Eleve.PostAsync($"{journal}/pieces-jointes", Pfmp.Fichier(FichiersRessourcesTests.Pdf, "consignes.pdf"));
        Assert.Equal(HttpStatusCode.Created, consignes.StatusCode);
        Guid[] contenus = [(await photo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            (await consignes.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()];
        Assert.Equal(HttpStatusCode.Created, (await pfmp.Tuteur.PostAsJsonAsync($"{journal}/commentaires", new { texte = "Attentive." })).StatusCode);

        var suppression = (await pfmp.Ddftp.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{pfmp.PeriodeId}")).GetProperty("suppression");
        Assert.Equal((1, 2, 1, 1, 5), (suppression.GetProperty("fichesRenseignees").GetInt32(), suppression.GetProperty("fichesActivites").GetInt32(),
            suppression.GetProperty("entreesJournal").GetInt32(), suppression.GetProperty("bilans").GetInt32(), suppression.GetProperty("total").GetInt32()));
        var page = WebUtility.HtmlDecode(await pfmp.Ddftp.GetStringAsync($"/periodes/entreprise/{pfmp.PeriodeId}"));
        Assert.Contains("portfolios des apprenants compris : 1 fiche(s) renseignée(s), 2 fiche(s) activités, 1 entrée(s) du journal de bord, 1 bilan(s) en entreprise.",
            page, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await pfmp.Referent.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{pfmp.PeriodeId}")).GetProperty("suppression").ValueKind);

        var refus = await (await pfmp.Ddftp.DeleteAsync($"/api/periodes/entreprise/{pfmp.PeriodeId}?confirmation=1")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Seront supprimés avec la période « PFMP 1 — Câblage » : 1 fiche(s) renseignée(s), 2 fiche(s) activités, 1 entrée(s) du journal de bord, "
                     + "1 bilan(s) en entreprise. Confirmez la suppression (confirmation=5).", refus.GetProperty("detail").GetString());
        Assert.Equal(2, (await pfmp.Eleve.GetFromJsonAsync<JsonElement[]>($"{pfmp.Base}/fiches"))!.Length);

        Assert.Equal(HttpStatusCode.NoContent, (await pfmp.Ddftp.DeleteAsync($"/api/periodes/entreprise/{pfmp.PeriodeId}?confirmation=5")).StatusCode);
        await (await pfmp.Eleve.GetAsync($"{pfmp.Base}/fiches")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await pfmp.Referent.GetAsync($"{pfmp.Base}/journal")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await pfmp.Tuteur.GetAsync($"{pfmp.Base}/bilan")).AssertProblemAsync(HttpStatusCode.NotFound);
        await using var session = factory.Documents();
        var periode = pfmp.PeriodeId;
        Assert.Equal(0, await session.Query<FicheActivite>().CountAsync(f => f.AnyTenant() && f.PeriodeId == periode));
        Assert.Equal(0, await session.Query<EntreeJournal>().CountAsync(e => e.AnyTenant() && e.PeriodeId == periode));
        Assert.Equal(0, await session.Query<CommentaireJournal>().CountAsync(c => c.AnyTenant() && c.PeriodeId == periode));
        Assert.Equal(0, await session.Query<BilanEntreprise>().CountAsync(b => b.AnyTenant() && b.PeriodeId == periode));
        Assert.Equal(0, await session.Query<PieceJointe>().CountAsync(p => p.AnyTenant() && p.PeriodeId == periode));
        Assert.Equal(0, await session.Query<ContenuPieceJointe>().CountAsync(c => c.AnyTenant() && contenus.Contains(c.Id)));
    }

    [Fact]
    public async Task Taking_a_learner_off_counts_her_portfolio_and_once_confirmed_deletes_it_and_nothing_of_the_others()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        var fiche = await pfmp.FicheAsync();
        Assert.Equal(HttpStatusCode.Created, (await pfmp.Eleve.PostAsync($"{pfmp.Base}/fiches/{fiche.GetProperty("id")}/pieces-jointes",
            Pfmp.Fichier(FichiersRessourcesTests.Png, "tableau.png"))).StatusCode);
        var entree = await (await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/journal", new { date = "2027-01-05", texte = "Accueil et sécurité." }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, (await pfmp.Tuteur.PostAsJsonAsync($"{pfmp.Base}/journal/{entree.GetProperty("id")}/commentaires", new { texte = "Bien." }))
            .StatusCode);
        var hugo = pfmp.Classe.Ids["Hugo"];
        var baseHugo = $"/api/portfolio/periodes/{pfmp.PeriodeId}/apprenants/{hugo}";
        Assert.Equal(HttpStatusCode.Created, (await pfmp.Hugo.PostAsJsonAsync($"{baseHugo}/fiches", Pfmp.Fiche("Mesures d'isolement"))).StatusCode);

        var periode = await pfmp.Ddftp.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{pfmp.PeriodeId}");
        object SansLea() => new
        {
            version = periode.GetProperty("version").GetInt32(), titre = periode.GetProperty("titre").GetString(), debut = "2027-01-04", fin = "2027-01-29",
            apprenants = new[] { hugo },
        };
        var refus = await (await pfmp.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{pfmp.PeriodeId}", SansLea())).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Seront supprimés avec les apprenants retirés de la période : 1 fiche(s) renseignée(s), 1 fiche(s) activités, 1 entrée(s) du journal de bord, "
                     + "0 bilan(s) en entreprise. Confirmez la modification (confirmation=3).", refus.GetProperty("detail").GetString());
        Assert.Single((await pfmp.Eleve.GetFromJsonAsync<JsonElement[]>($"{pfmp.Base}/fiches"))!);

        Assert.Equal(HttpStatusCode.OK, (await pfmp.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{pfmp.PeriodeId}?confirmation=3", SansLea())).StatusCode);
        await using var session = factory.Documents();
        var (id, lea) = (pfmp.PeriodeId, pfmp.Lea);
        Assert.Equal(0, await session.Query<FicheActivite>().CountAsync(f => f.AnyTenant() && f.PeriodeId == id && f.ApprenantId == lea));
        Assert.Equal(0, await session.Query<EntreeJournal>().CountAsync(e => e.AnyTenant() && e.PeriodeId == id && e.ApprenantId == lea));
        Assert.Equal(0, await session.Query<CommentaireJournal>().CountAsync(c => c.AnyTenant() && c.PeriodeId == id && c.ApprenantId == lea));
        Assert.Equal(0, await session.Query<PieceJointe>().CountAsync(p => p.AnyTenant() && p.PeriodeId == id && p.ApprenantId == lea));
        Assert.Equal(["Mesures d'isolement"], (await pfmp.Hugo.GetFromJsonAsync<JsonElement[]>($"{baseHugo}/fiches"))!.Select(f => f.GetProperty("titre").GetString()));
    }
}
