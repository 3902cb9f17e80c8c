using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Kernel.Identity;
using Microsoft.Playwright;
using static Cpro.IntegrationTests.Browser.BrowserFixture;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Browser;

/// <summary>The head of the establishment enters a level's periods without JavaScript rows: add a line, save, fix a conflict.</summary>
public sealed class OfficiellesJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_head_enters_the_trimesters_adds_a_line_and_is_told_in_french_what_overlaps()
    {
        var classe = await Classe.CreerAsync(fixture);
        var chef = await fixture.CreerUtilisateurAsync(classe.Uai, Profils.ChefEtablissement);
        var page = await fixture.PhonePageAsync();
        await SeConnecterAsync(page, chef, CproFactory.MotDePasse);
        var (a, b) = (AnneeCourante, AnneeCourante + 1);

        await (await BrowserFixture.NavigationAsync(page))
            .GetByRole(AriaRole.Link, new() { Name = "Périodes officielles" }).ClickAsync();
        await page.GetByLabel("Niveau de classe").SelectOptionAsync("PREMIERE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "— Première" })).ToBeVisibleAsync();
        await page.GetByLabel("Libellé, ligne 1").FillAsync("Trimestre 1");
        await page.GetByLabel("Début, ligne 1").FillAsync($"{a}-09-01");
        await page.GetByLabel("Fin, ligne 1").FillAsync($"{a}-12-04");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une ligne" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Libellé, ligne 1")).ToHaveValueAsync("Trimestre 1");
        await page.GetByLabel("Libellé, ligne 2").FillAsync("Trimestre 2");
        await page.GetByLabel("Début, ligne 2").FillAsync($"{a}-12-01");
        await page.GetByLabel("Fin, ligne 2").FillAsync($"{b}-03-06");
        await AssertFitsThePhoneAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les périodes" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("« Trimestre 1 »");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("se chevauchent");
        await page.GetByLabel("Fin, ligne 1").FillAsync($"{a}-11-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les périodes" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Périodes enregistrées.");
        await Assertions.Expect(page.GetByLabel("Libellé, ligne 2")).ToHaveValueAsync("Trimestre 2");
        await Assertions.Expect(page.GetByLabel("Libellé, ligne 3")).ToHaveValueAsync("");
    }
}
