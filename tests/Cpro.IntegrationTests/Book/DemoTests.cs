using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Kernel.Modules;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Cpro.IntegrationTests.Book;

/// <summary>The demo's book: on in the demo establishment, demo.eleve's three réussites, one from her PFMP fiche.</summary>
public sealed class DemoTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const string MotDePasse = "Demo-Cpro-2026";

    [Fact]
    public async Task The_demo_learner_has_three_reussites_one_from_her_pfmp_fiche_that_her_teacher_commented_and_a_restart_adds_nothing()
    {
        using var eleve = await factory.ClientAsync("demo.eleve", MotDePasse);
        var reussites = (await eleve.GetFromJsonAsync<JsonElement[]>($"{LeBook.Api}/reussites"))!;
        Assert.Equal(["ficheActivite", "evaluation", "libre"], reussites.Select(r => r.GetProperty("origine").GetString()));
        var pfmp = reussites[0];
        Assert.Equal("Élec Services Paris", pfmp.GetProperty("contexte").GetString());
        Assert.Single(pfmp.GetProperty("medias").EnumerateArray());
        Assert.Single(pfmp.GetProperty("commentaires").EnumerateArray());
        Assert.Contains(reussites[1].GetProperty("competences").EnumerateArray(), c => c.GetProperty("niveau").ValueKind == JsonValueKind.Number);
        Assert.Contains("Book des apprenants", await eleve.GetStringAsync("/"), StringComparison.Ordinal);
        using (var pdf = PdfDocument.Open(await eleve.GetByteArrayAsync($"{LeBook.Api}/export.pdf")))
        {
            Assert.Equal(4, pdf.NumberOfPages);
        }

        using var enseignant = await factory.ClientAsync("demo.enseignant", MotDePasse);
        var lea = (await enseignant.GetFromJsonAsync<JsonElement[]>($"{LeBook.Api}/apprenants"))!.Single(a => a.GetProperty("prenom").GetString() == "Léa");
        Assert.Equal(3, lea.GetProperty("reussites").GetInt32());

        using (var scope = factory.Services.CreateScope())
        {
            foreach (var tache in scope.ServiceProvider.GetServices<IStartupTask>())
            {
                await tache.RunAsync(CancellationToken.None);
            }
        }
        Assert.Equal(3, (await eleve.GetFromJsonAsync<JsonElement[]>($"{LeBook.Api}/reussites"))!.Length);
    }
}
