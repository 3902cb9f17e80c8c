using Cpro.Kernel.Identity;
using Microsoft.Playwright;
using static Cpro.IntegrationTests.Browser.BrowserFixture;

namespace Cpro.IntegrationTests.Browser;

/// <summary>Journeys through the portal in headless chromium, on a 360 px wide screen.</summary>
public sealed class ModuleSwitchJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Administrator_switches_a_module_off_and_its_navigation_entries_are_gone()
    {
        var uai = await fixture.CreerEtablissementAsync();
        var login = await fixture.CreerUtilisateurAsync(uai, Profils.Administrateur);
        var page = await fixture.PhonePageAsync();

        await SeConnecterAsync(page, login, Infrastructure.CproFactory.MotDePasse);
        await Assertions.Expect((await NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Périodes officielles" })).ToBeVisibleAsync();
        await Assertions.Expect((await NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Book des apprenants" })).ToHaveCountAsync(0);
        await AssertFitsThePhoneAsync(page);

        await (await NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Modules" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Modules de l'établissement {uai}" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Désactiver le module Périodes" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Module Périodes désactivé.");
        await Assertions.Expect((await NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Périodes officielles" })).ToHaveCountAsync(0);
        await Assertions.Expect((await NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Référentiels" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Activer le module Périodes" })).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(page);

        var response = await page.GotoAsync("/periodes/officielles");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Module désactivé pour cet établissement" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Platform_administrator_creates_an_establishment_from_the_portal()
    {
        var page = await fixture.PhonePageAsync();
        var uai = Infrastructure.TestUai.Next();

        await SeConnecterAsync(page, Infrastructure.CproFactory.AdminLogin, Infrastructure.CproFactory.AdminPassword);
        await (await BrowserFixture.NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Établissements" }).ClickAsync();
        await page.GetByLabel("UAI").FillAsync("0752387A");
        await page.GetByLabel("Nom").FillAsync("Lycée des métiers de l'énergie");
        await page.GetByLabel("Adresse électronique").FillAsync("ce@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l'établissement" }).ClickAsync();

        await Assertions.Expect(page.Locator("#uai-erreur")).ToHaveTextAsync("L'UAI doit comporter 7 chiffres suivis de sa lettre de contrôle (ex. 0752387M).");
        await Assertions.Expect(page.GetByLabel("UAI")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("UAI").FillAsync(uai);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l'établissement" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"({uai}) est créé");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Modules de {uai}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Désactiver le module Book des apprenants" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Module Book des apprenants désactivé.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Book des apprenants" })).ToContainTextAsync(Infrastructure.CproFactory.AdminLogin);
        await AssertFitsThePhoneAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
    }
}
