using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Modules;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.IntegrationTests.Scenarios;

/// <summary>The host as build/run.sh starts it (CPRO_DEMO=true): a demo establishment ready to show.</summary>
public sealed class DemoFactory : CproFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("CPRO_DEMO", "true");
    }
}

public sealed class DemoTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const string MotDePasse = "Demo-Cpro-2026";

    [Fact]
    public async Task The_demo_shows_a_scenario_with_a_filled_grid_and_a_learners_dashboard_and_a_restart_adds_nothing()
    {
        using var enseignant = await factory.ClientAsync("demo.enseignant", MotDePasse);
        var scenario = Assert.Single((await enseignant.GetFromJsonAsync<JsonElement[]>("/api/scenarios"))!);
        var evaluations = (await enseignant.GetFromJsonAsync<JsonElement[]>($"/api/scenarios/evaluations?scenario={scenario.GetProperty("id").GetGuid()}"))!;
        Assert.Equal(3, evaluations.Length);
        var evaluation = evaluations[0];
        var grille = await enseignant.GetFromJsonAsync<JsonElement>($"/api/scenarios/evaluations/{evaluation.GetProperty("id").GetGuid()}");
        Assert.Equal(6, grille.GetProperty("apprenants").GetArrayLength());
        Assert.Equal(6 * grille.GetProperty("items").GetArrayLength(), grille.GetProperty("cellules").GetArrayLength());

        using var eleve = await factory.ClientAsync("demo.eleve", MotDePasse);
        var moi = Assert.Single((await eleve.GetFromJsonAsync<JsonElement[]>("/api/scenarios/suivi/apprenants"))!);
        var tableau = await eleve.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{moi.GetProperty("utilisateurId").GetGuid()}");
        Assert.Contains(tableau.GetProperty("referentiels")[0].GetProperty("competences").EnumerateArray(), c => c.GetProperty("synthese").ValueKind == JsonValueKind.String);
        // Three grids five weeks apart: the overview shows the levels over at least two months.
        Assert.True(tableau.GetProperty("referentiels")[0].GetProperty("parMois").GetArrayLength() >= 2);
        Assert.Contains("Compétences par bloc", await eleve.GetStringAsync($"/suivi/{moi.GetProperty("utilisateurId").GetGuid()}"), StringComparison.Ordinal);
        using var admin = await factory.ClientAsync("demo.admin", MotDePasse);
        Assert.Equal(5, (await admin.GetFromJsonAsync<JsonElement[]>("/api/etablissements/0750001U/acces?public=apprenants"))!.Length);

        using (var scope = factory.Services.CreateScope())
        {
            foreach (var tache in scope.ServiceProvider.GetServices<IStartupTask>())
            {
                await tache.RunAsync(CancellationToken.None);
            }
        }
        Assert.Single((await enseignant.GetFromJsonAsync<JsonElement[]>("/api/scenarios"))!);
        Assert.Equal(6, (await admin.GetFromJsonAsync<JsonElement[]>("/api/etablissements/0750001U/apprenants"))!.Length);
    }
}
