using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Periodes;
using Cpro.Kernel.Identity;

namespace Cpro.IntegrationTests.Portfolio;

/// <summary>The portfolio's access check and the names on its page are kept briefly (LecturesEnCache): a change committed
/// through the host is seen by the very next request, whether it updates a document or deletes by a condition.</summary>
[Collection(CproCollection.Name)]
public sealed class LecturesEnCacheTests(CproFactory factory)
{
    [Fact]
    public async Task A_replaced_tutor_is_refused_at_once_and_the_new_one_let_in()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await pfmp.Tuteur.GetAsync(pfmp.Base)).StatusCode);

        var email = $"remplacant.{Guid.NewGuid():N}@example.org";
        (await pfmp.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{pfmp.PeriodeId}/apprenants/{pfmp.Lea}",
            EntrepriseDonnees.Fiche(email, nom: "REMPLACANT", prenom: "Paul"))).EnsureSuccessStatusCode();

        await (await pfmp.Tuteur.GetAsync(pfmp.Base)).AssertProblemAsync(HttpStatusCode.Forbidden);
        using var remplacant = await EntrepriseDonnees.TuteurAsync(factory, email);
        var portfolio = await remplacant.GetFromJsonAsync<JsonElement>(pfmp.Base);
        Assert.Equal("Paul REMPLACANT", portfolio.GetProperty("tuteur").GetString());
    }

    [Fact]
    public async Task A_renamed_referent_is_named_anew_on_the_next_page()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        Assert.Equal(["Alessandro VOLTA"], Referents(await pfmp.Eleve.GetFromJsonAsync<JsonElement>(pfmp.Base)));
        Assert.Contains("Alessandro VOLTA", WebUtility.HtmlDecode(await pfmp.Eleve.GetStringAsync($"/portfolio/{pfmp.PeriodeId}/{pfmp.Lea}")), StringComparison.Ordinal);

        var id = pfmp.Classe.CompteId(pfmp.Classe.Professeur);
        var compte = await pfmp.Classe.Admin.GetFromJsonAsync<JsonElement>($"/api/etablissements/{pfmp.Classe.Uai}/utilisateurs/{id}");
        (await pfmp.Classe.Admin.PutAsJsonAsync($"/api/etablissements/{pfmp.Classe.Uai}/utilisateurs/{id}", new
        {
            nom = "VOLTA-AMPERE", prenom = "Alessandro", profils = new[] { Profils.Enseignant }, version = compte.GetProperty("version").GetUInt32(),
        })).EnsureSuccessStatusCode();

        Assert.Equal(["Alessandro VOLTA-AMPERE"], Referents(await pfmp.Eleve.GetFromJsonAsync<JsonElement>(pfmp.Base)));
        Assert.Contains("Alessandro VOLTA-AMPERE", WebUtility.HtmlDecode(await pfmp.Eleve.GetStringAsync($"/portfolio/{pfmp.PeriodeId}/{pfmp.Lea}")),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learner_taken_off_the_period_finds_their_portfolio_no_more()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await pfmp.Hugo.GetAsync($"/api/portfolio/periodes/{pfmp.PeriodeId}/apprenants/{pfmp.Classe.Ids["Hugo"]}")).StatusCode);

        var periode = await pfmp.Ddftp.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{pfmp.PeriodeId}");
        (await pfmp.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{pfmp.PeriodeId}", new
        {
            version = periode.GetProperty("version").GetInt32(), titre = periode.GetProperty("titre").GetString(), debut = "2027-01-04", fin = "2027-01-29",
            referents = new[] { pfmp.Classe.CompteId(pfmp.Classe.Professeur) }, apprenants = new[] { pfmp.Lea },
        })).EnsureSuccessStatusCode();

        await (await pfmp.Hugo.GetAsync($"/api/portfolio/periodes/{pfmp.PeriodeId}/apprenants/{pfmp.Classe.Ids["Hugo"]}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static string[] Referents(JsonElement portfolio) => [.. portfolio.GetProperty("referents").EnumerateArray().Select(r => r.GetString()!)];
}
