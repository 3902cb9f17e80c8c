using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Scenarios;

namespace Cpro.IntegrationTests.Bilans;

/// <summary>The demo's bilans: Léa's finalised, another learner's draft on the current period, both in the console.</summary>
public sealed class DemoBilansTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const string MotDePasse = "Demo-Cpro-2026";

    [Fact]
    public async Task The_demo_learner_reads_her_finalised_bilan_and_the_console_shows_a_draft_of_another_learner()
    {
        using var eleve = await factory.ClientAsync("demo.eleve", MotDePasse);
        var moi = Assert.Single((await eleve.GetFromJsonAsync<JsonElement[]>("/api/scenarios/suivi/apprenants"))!).GetProperty("utilisateurId").GetGuid();
        var resume = Assert.Single((await eleve.GetFromJsonAsync<JsonElement>($"/api/bilans/apprenants/{moi}")).GetProperty("bilans").EnumerateArray());
        Assert.True(resume.GetProperty("finalise").GetBoolean());
        var bilan = await eleve.GetFromJsonAsync<JsonElement>($"/api/bilans/{resume.GetProperty("id")}");
        Assert.Contains(bilan.GetProperty("competences").EnumerateArray(), c => c.GetProperty("ajuste").GetBoolean() && c.GetProperty("preuves").GetArrayLength() > 0);
        Assert.StartsWith("Léa progresse", bilan.GetProperty("appreciation").GetString());

        using var ddftp = await factory.ClientAsync("demo.ddftp", MotDePasse);
        var division = (await ddftp.GetFromJsonAsync<JsonElement>("/api/bilans/indicateurs")).GetProperty("divisions").EnumerateArray()
            .Single(d => d.GetProperty("division").GetString() == "2MELEC1");
        var periodes = division.GetProperty("periodes").EnumerateArray().ToList();
        Assert.Equal(1, periodes.Sum(p => p.GetProperty("finalises").GetInt32()));
        Assert.Equal(1, periodes.Sum(p => p.GetProperty("brouillons").GetInt32()));
        Assert.Equal(division.GetProperty("periodeCourante").GetGuid(), periodes.Single(p => p.GetProperty("brouillons").GetInt32() == 1).GetProperty("periodeId").GetGuid());
        Assert.Contains("<h1>Console de pilotage</h1>", await ddftp.GetStringAsync("/bilans/console"), StringComparison.Ordinal);
    }
}
