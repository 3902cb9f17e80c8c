using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cpro.IntegrationTests.Scenarios;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Cpro.IntegrationTests.Browser.BrowserFixture;

namespace Cpro.IntegrationTests.Browser;

/// <summary>A class of 30 on the 13 competences of Bac Pro MELEC, on a 390 px phone: the grid created with Entrée, a
/// column filled at once, every other cell typed, saved and read again; and the same grid without JavaScript.</summary>
public sealed class GrilleJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // Tasks whose competences are the référentiel's 13.
    private static readonly string[] Taches = ["T1.1", "T2.2", "T3.1", "T4.2", "T5.2"];

    [Fact]
    public async Task A_teacher_fills_30_learners_by_13_competences_with_a_column_fill_and_the_keyboard_and_finds_them_saved()
    {
        var classe = await Classe.CreerAsync(fixture, autres: 25);
        var scenario = await ScenarioAsync(classe);
        var page = await fixture.PhonePageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await SeConnecterAsync(page, classe.Professeur, Classe.MotDePasse);

        await page.GotoAsync($"/scenarios/{scenario}/evaluation");
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Checked = true })).ToHaveCountAsync(30);
        await AssertAxeAsync(page);
        // Entrée in the date creates the grid, with every learner still ticked.
        await page.GetByLabel("Date de l'évaluation").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Grille de positionnement") })).ToBeVisibleAsync();
        var lignes = page.Locator("table.grille tbody tr");
        await Assertions.Expect(lignes).ToHaveCountAsync(30);
        await Assertions.Expect(page.Locator("table.grille thead th")).ToHaveCountAsync(14);
        var noms = await page.Locator("table.grille tbody th").AllTextContentsAsync();
        Assert.Equal("ANDRE Tom", noms[0]);
        Assert.Equal(noms.Order(StringComparer.Create(new System.Globalization.CultureInfo("fr-FR"), false)), noms);

        var legende = page.GetByRole(AriaRole.List, new() { Name = "Légende" });
        foreach (var sens in new[] { "— Non évalué", "1 Non maîtrisé", "2 Insuffisamment maîtrisé", "3 Maîtrisé", "4 Bien maîtrisé", "Abs. Absent" })
        {
            await Assertions.Expect(legende).ToContainTextAsync(sens);
        }
        // A competence's label on focus of its code.
        await page.Locator("table.grille thead .code-item", new() { HasText = "C3" }).First.FocusAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tooltip)).ToHaveTextAsync("Définir une installation à l’aide de solutions préétablies");
        // Dismissed by Échap without moving focus (WCAG 1.4.13), shown again at the next focus.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByRole(AriaRole.Tooltip)).ToHaveCountAsync(0);
        await page.Locator("table.grille thead .code-item", new() { HasText = "C1" }).First.FocusAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tooltip)).ToHaveCountAsync(1);

        await page.GetByText("Remplir une colonne ou une ligne d'un coup").ClickAsync();
        await page.GetByLabel("Colonne ou ligne").SelectOptionAsync("colonne:C1");
        await page.GetByLabel("Degré", new() { Exact = true }).SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remplir les cellules vides et enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Grille enregistrée (30 cellule(s) modifiée(s)).");
        var compteur = page.Locator(".non-enregistrees");
        await Assertions.Expect(compteur).ToHaveTextAsync("Aucune cellule non enregistrée");

        // C2…C13 of every row, typed: after a row's last cell the entry moves to the next row's C1, then right.
        await lignes.First.Locator("select").Nth(1).FocusAsync();
        for (var l = 0; l < 30; l++)
        {
            for (var c = 1; c < 13; c++)
            {
                await page.Keyboard.PressAsync(Touche(l, c));
            }
            if (l == 0)
            {
                await Assertions.Expect(compteur).ToHaveTextAsync("12 cellules non enregistrées");
            }
            if (l < 29)
            {
                await page.Keyboard.PressAsync("ArrowRight");
            }
        }
        await Assertions.Expect(compteur).ToHaveTextAsync("360 cellules non enregistrées");
        // At the grid's far corner, its column headers, the learners' names and the save bar are still in view, uncovered.
        await Assertions.Expect(page.GetByLabel($"{noms[29]}, C13", new() { Exact = true })).ToBeFocusedAsync();
        Assert.True(await AuPremierPlanAsync(page.Locator("table.grille thead th").Last), "L'en-tête C13 est caché.");
        Assert.True(await AuPremierPlanAsync(page.Locator("table.grille tbody th").Last), "Le nom du dernier apprenant est caché.");
        Assert.True(await AuPremierPlanAsync(page.GetByLabel($"{noms[29]}, C13", new() { Exact = true })), "La cellule saisie est cachée.");
        Assert.True(await AuPremierPlanAsync(page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la grille" })), "Le bouton d'enregistrement est caché.");
        await Assertions.Expect(compteur).ToBeInViewportAsync();
        await AssertFitsThePhoneAsync(page);

        // Leaving with unsaved cells asks first; staying keeps them.
        string? dialogue = null;
        page.Dialog += async (_, d) => { dialogue = d.Type; await d.DismissAsync(); };
        await page.GetByRole(AriaRole.Link, new() { Name = "← Retour au scénario" }).ClickAsync();
        await Assertions.Expect(compteur).ToHaveTextAsync("360 cellules non enregistrées");
        Assert.Equal(DialogType.BeforeUnload, dialogue);

        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la grille" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Grille enregistrée (360 cellule(s) modifiée(s)).");

        await page.GotoAsync(new Uri(page.Url).AbsolutePath);
        var valeurs = await page.Locator("table.grille tbody select").EvaluateAllAsync<string[]>("s => s.map(x => x.value)");
        Assert.Equal(Enumerable.Range(0, 30).SelectMany(l => Enumerable.Range(0, 13).Select(c => c == 0 ? "3" : Valeur(Touche(l, c)))), valeurs);
        Assert.Equal(390, valeurs.Length);
        await Assertions.Expect(page.GetByLabel($"{noms[0]}, C1", new() { Exact = true }).Locator("xpath=ancestor::td")).ToHaveClassAsync(new Regex(@"\bniveau-3\b"));
        await AssertAxeAsync(page);
    }

    [Fact]
    public async Task Without_javascript_entree_keeps_the_ticks_and_a_row_is_filled_by_the_server()
    {
        var classe = await Classe.CreerAsync(fixture);
        var scenario = await ScenarioAsync(classe);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "fr-FR", JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await SeConnecterAsync(page, classe.Professeur, Classe.MotDePasse);

        await page.GotoAsync($"/scenarios/{scenario}/evaluation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aucun" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("MARTIN Lea")).Not.ToBeCheckedAsync();
        await page.GetByLabel("MARTIN Lea").CheckAsync();
        await page.GetByLabel("PETIT Hugo").CheckAsync();
        await page.GetByLabel("Date de l'évaluation").PressAsync("Enter");

        await Assertions.Expect(page.Locator("table.grille tbody th")).ToHaveTextAsync(["MARTIN Lea", "PETIT Hugo"]);
        await Assertions.Expect(page.Locator(".non-enregistrees")).ToBeHiddenAsync();
        await page.GetByLabel("PETIT Hugo, C2", new() { Exact = true }).SelectOptionAsync("4");
        await page.Locator("summary[aria-label='Commentaire pour PETIT Hugo, C2']").ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Commentaire pour PETIT Hugo, C2" }).FillAsync("Câblage très soigné");
        await page.GetByText("Remplir une colonne ou une ligne d'un coup").ClickAsync();
        await page.GetByLabel("Colonne ou ligne").SelectOptionAsync(new SelectOptionValue { Label = "PETIT Hugo" });
        await page.GetByLabel("Degré", new() { Exact = true }).SelectOptionAsync("ABS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remplir les cellules vides et enregistrer" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Grille enregistrée (13 cellule(s) modifiée(s)).");
        await Assertions.Expect(page.GetByLabel("PETIT Hugo, C2", new() { Exact = true })).ToHaveValueAsync("4");
        await Assertions.Expect(page.GetByLabel("PETIT Hugo, C13", new() { Exact = true })).ToHaveValueAsync("ABS");
        await Assertions.Expect(page.GetByLabel("MARTIN Lea, C2", new() { Exact = true })).ToHaveValueAsync("NE");
        // The comment shows under the level, with its marker.
        var commentee = page.Locator("td").Filter(new() { Has = page.GetByLabel("PETIT Hugo, C2", new() { Exact = true }) });
        await Assertions.Expect(commentee.Locator(".texte-commentaire")).ToHaveTextAsync("Câblage très soigné");
        await Assertions.Expect(commentee.Locator("summary.commentee")).ToBeVisibleAsync();
        await context.DisposeAsync();
    }

    /// <summary>In the viewport and on top there: what is drawn at its centre is itself (not a sticky header over it).</summary>
    private static Task<bool> AuPremierPlanAsync(ILocator element) => element.EvaluateAsync<bool>(@"e => {
        const r = e.getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        const dessus = x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight ? document.elementFromPoint(x, y) : null;
        return dessus !== null && (dessus === e || e.contains(dessus));
    }");

    private async Task<Guid> ScenarioAsync(Classe classe)
    {
        using var professeur = await Classe.ClientAsync(fixture, classe.Professeur);
        var scenario = await ScenariosTests.CreerAsync(professeur, new
        {
            referentiel = Classe.Referentiel, niveauClasse = "SECONDE", titre = "Mettre en service une installation",
            situationProfessionnelle = "Une entreprise livre l'installation électrique d'un atelier.", activites = new[] { "A1" }, taches = Taches,
        });
        Assert.Equal(13, scenario.GetProperty("competences").GetArrayLength());
        return scenario.GetProperty("id").GetGuid();
    }

    /// <summary>The key typed in a cell: a degree, or A (absent) now and then.</summary>
    private static string Touche(int ligne, int colonne) => (ligne * 13 + colonne) % 17 == 0 ? "a" : $"{(ligne + colonne) % 4 + 1}";

    private static string Valeur(string touche) => touche == "a" ? "ABS" : touche;

    private static async Task AssertAxeAsync(IPage page)
    {
        var resultat = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        Assert.True(resultat.Violations.Length == 0, string.Join("\n", resultat.Violations.Select(v =>
            $"{v.Id} : {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
