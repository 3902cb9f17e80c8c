using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using Microsoft.Playwright;
using static Cpro.IntegrationTests.Browser.BrowserFixture;

namespace Cpro.IntegrationTests.Browser;

/// <summary>The portal on a 390 × 844 phone, without JavaScript: the menu folds, list tables become cards.</summary>
public sealed class TelephoneJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task On_a_phone_the_menu_button_opens_the_navigation_and_a_list_fits_the_screen_as_cards()
    {
        var uai = await fixture.CreerEtablissementAsync();
        var login = await fixture.CreerUtilisateurAsync(uai, Profils.Administrateur);
        await fixture.CreerUtilisateurAsync(uai, Profils.MaitreApprentissage);
        await fixture.CreerUtilisateurAsync(uai, Profils.ChefEtablissement);
        var page = await fixture.PhonePageAsync(390, 844, javaScript: false);
        await SeConnecterAsync(page, login, CproFactory.MotDePasse);

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        var menu = navigation.Locator("summary");
        var utilisateurs = navigation.GetByRole(AriaRole.Link, new() { Name = "Utilisateurs" });
        await Assertions.Expect(menu).ToHaveTextAsync("Menu");
        await Assertions.Expect(utilisateurs).ToBeHiddenAsync();
        var debutContenu = (await page.Locator("main").BoundingBoxAsync())!.Y;
        Assert.True(debutContenu < 844 / 3.0, $"Le contenu commence à {debutContenu} px.");

        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(utilisateurs).ToBeVisibleAsync();
        await utilisateurs.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Utilisateurs", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(utilisateurs).ToBeHiddenAsync();
        await AssertFitsThePhoneAsync(page);
        var carte = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "MaitreApprentissage" });
        await Assertions.Expect(carte.Locator("td[data-label=\"Profils\"]")).ToHaveTextAsync("Maître d'apprentissage");
        var bords = await carte.EvaluateAsync<double[]>("r => [r.getBoundingClientRect().right, window.innerWidth]");
        Assert.True(bords[0] <= bords[1], $"La carte va jusqu'à {bords[0]} px.");
        Assert.True(await page.EvaluateAsync<bool>("[...document.querySelectorAll('table')].every(t => t.getBoundingClientRect().right <= window.innerWidth)"),
            "Un tableau dépasse l'écran.");
    }

    [Fact]
    public async Task On_a_wide_screen_the_navigation_shows_without_its_button()
    {
        var uai = await fixture.CreerEtablissementAsync();
        var login = await fixture.CreerUtilisateurAsync(uai, Profils.Enseignant);
        var page = await fixture.PhonePageAsync(1280, 800);
        await SeConnecterAsync(page, login, CproFactory.MotDePasse);

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        await Assertions.Expect(navigation.Locator("summary")).ToBeHiddenAsync();
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Scénarios pédagogiques" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Scénarios pédagogiques", Level = 1 })).ToBeVisibleAsync();
    }
}
