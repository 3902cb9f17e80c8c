using System.Text.RegularExpressions;
using Cpro.IntegrationTests.Scenarios;
using Microsoft.Playwright;
using static Cpro.IntegrationTests.Browser.BrowserFixture;

namespace Cpro.IntegrationTests.Browser;

/// <summary>A teacher writes a scenario, makes its grid, enters levels with the keyboard; a learner reads their dashboard.</summary>
public sealed class ScenarioJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Teacher_creates_a_scenario_and_its_grid_enters_levels_with_the_keyboard_and_the_learner_reads_them()
    {
        var classe = await Classe.CreerAsync(fixture);
        var page = await fixture.PhonePageAsync();
        await SeConnecterAsync(page, classe.Professeur, Classe.MotDePasse);

        await (await BrowserFixture.NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Scénarios pédagogiques" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouveau scénario" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Titre", Exact = true }).FillAsync("Câbler un tableau de distribution");
        await page.GetByLabel("Situation professionnelle").FillAsync("Rénovation électrique d'un logement.");
        await page.GetByText("B1 — ").First.ClickAsync();
        await page.GetByLabel("T1.1 ", new() { Exact = false }).First.CheckAsync();
        await page.GetByText("C1 — ").ClickAsync();
        await page.GetByLabel(new Regex("^C1\\.1 ")).CheckAsync();
        await AssertFitsThePhoneAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le scénario" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Scénario enregistré.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Câbler un tableau de distribution" })).ToBeVisibleAsync();
        await page.GetByLabel("Ajouter une ressource").SetInputFilesAsync(new FilePayload
        {
            Name = "consignes.txt", MimeType = "text/plain", Buffer = "Consignes de sécurité : consignation avant intervention."u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ressource « consignes.txt » ajoutée.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "consignes.txt" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Créer une grille de positionnement" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Aucun" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("MARTIN Lea")).Not.ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tous" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("MARTIN Lea")).ToBeCheckedAsync();
        await page.GetByLabel("MOREAU Theo").UncheckAsync();
        // Entrée in the date creates the grid with the ticks as they are (not « Tous »).
        await page.GetByLabel("Date de l'évaluation").PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Grille de positionnement") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(5);
        // Lea's C1: 3, which moves on to her next cell; back left, down to Hugo's C1: 4.
        await page.GetByLabel("MARTIN Lea, C1", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("3");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.GetByLabel("PETIT Hugo, C1", new() { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("4");
        await Assertions.Expect(page.GetByLabel("MARTIN Lea, C1", new() { Exact = true })).ToHaveValueAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la grille" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Grille enregistrée (2 cellule(s) modifiée(s)).");
        await Assertions.Expect(page.GetByLabel("PETIT Hugo, C1", new() { Exact = true })).ToHaveValueAsync("4");

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await SeConnecterAsync(page, classe.Apprenants["Lea"], Classe.MotDePasse);
        await (await BrowserFixture.NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Suivi des compétences" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tableau de bord de Lea MARTIN" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Nombre de compétences de chaque bloc à chaque degré de maîtrise" })).ToBeVisibleAsync();
        var c1 = page.Locator("details").Filter(new() { Has = page.Locator("summary", new() { HasTextRegex = new Regex(@"^\s*C1 ") }) });
        await c1.Locator("summary").ClickAsync();
        await Assertions.Expect(c1).ToContainTextAsync("3 Maîtrisé");
        await Assertions.Expect(c1).ToContainTextAsync("Un seul positionnement");
        await Assertions.Expect(c1).ToContainTextAsync("Câbler un tableau de distribution");
        await AssertFitsThePhoneAsync(page);
    }
}
