using Cpro.Etablissements;
using Cpro.Etablissements.Siecle;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Cpro.IntegrationTests.Browser.BrowserFixture;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Browser;

/// <summary>The SIECLE / STS-web import from the portal, on a 360 px wide screen.</summary>
public sealed class ImportJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Administrator_previews_the_exports_then_confirms_the_import_without_sending_them_again()
    {
        var uai = await fixture.CreerEtablissementAsync();
        var login = await fixture.CreerUtilisateurAsync(uai, Profils.Administrateur);
        var page = await fixture.PhonePageAsync();
        await SeConnecterAsync(page, login, CproFactory.MotDePasse);

        await (await BrowserFixture.NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Import SIECLE" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import SIECLE / STS-web" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Aucun import pour le moment.")).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(page);

        // The browser requires a file; the server says it too, for a form sent without that check.
        await page.Locator("form:has(#fichiers)").EvaluateAsync("f => f.noValidate = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choisissez au moins un fichier d'export");

        // A first submit is stopped after the page's script ran, to see what the user sees while the files go.
        await page.GetByLabel("Fichiers d'export").SetInputFilesAsync(Exports(uai));
        await page.EvaluateAsync("window.addEventListener('submit', e => e.preventDefault(), { once: true })");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Envoi et analyse des fichiers en cours…" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true })).ToBeDisabledAsync();
        await page.GotoAsync("/administration/import");

        await page.GetByLabel("Fichiers d'export").SetInputFilesAsync(Exports(uai));
        await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Prévisualisation : rien n'a été enregistré." })).ToBeVisibleAsync();
        await AssertRapportAsync(page);
        await AssertFitsThePhoneAsync(page);
        Assert.Equal((0, 0), await fixture.EcritAsync(uai));
        var attente = Path.Combine(ImportsEnAttente.Racine, Guid.Parse((await page.Locator("input[name=Attente]").GetAttributeAsync("value"))!).ToString("N"));
        Assert.True(Directory.Exists(attente));

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer l'import" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Import terminé." })).ToBeVisibleAsync();
        await AssertRapportAsync(page);
        var historique = page.GetByRole(AriaRole.Table, new() { Name = "Imports de l'établissement, du plus récent au plus ancien" });
        var import = historique.GetByRole(AriaRole.Row).Filter(new() { HasText = login });
        await Assertions.Expect(import).ToContainTextAsync($"ElevesSansAdresses.xml, ResponsablesAvecAdresses.xml, sts_emp_{uai}_{AnneeCourante}.xml");
        await Assertions.Expect(import).ToContainTextAsync("Apprenants : créés 3, rejetés 2 ; Responsables : créés 2");
        await AssertFitsThePhoneAsync(page);
        Assert.Equal((3, 1), await fixture.EcritAsync(uai));
        Assert.False(Directory.Exists(attente));

        // The new learners' codes, to hand out.
        await page.GetByRole(AriaRole.Region, new() { Name = "Rapport d'import" }).GetByRole(AriaRole.Link, new() { Name = "Gestion des accès" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gestion des accès", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Imprimer" })).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(page);
    }

    private static FilePayload[] Exports(string uai) =>
    [
        Fichier("ElevesSansAdresses.xml", Eleves(uai,
        [
            new("1001", "120456789AB", "MARTIN", "Léa", "2MELEC1", ["2ANG-G1"]),
            new("1002", "120456790AC", "ŒUVRAY", "Oscar", "2MELEC1"),
            new("1003", "120456791AD", "DURAND", "Nina", "2MELEC2"),
            new("1004", "120456792AE", "PETIT", "Hugo", null),
            new("1099", "120456791AD", "DURANT", "Nino", "2MELEC2"),
        ])),
        Fichier("ResponsablesAvecAdresses.xml", Responsables(uai, ("P1", "MARTIN", "Claire", "1001"), ("P2", "ŒUVRAY", "Marc", "1002"))),
        Fichier($"sts_emp_{uai}_{AnneeCourante}.xml", Sts(uai,
            [new Individu("8949", "DURAND", "Michel", ProfPrincipalDe: "2MELEC1"), new Individu("8950", "BERNARD", "Anne", "DIR")],
            [("2MELEC1", "24023302210", ["8949"]), ("2MELEC2", "24023302210", ["8949"])],
            [("2ANG-G1", "2MELEC1", ["8949"])])),
    ];

    private static FilePayload Fichier(string nom, string xml) => new() { Name = nom, MimeType = "text/xml", Buffer = Octets(xml) };

    /// <summary>The same counts in the preview and the import: the files are those of the preview.</summary>
    private static async Task AssertRapportAsync(IPage page)
    {
        var compteurs = page.GetByRole(AriaRole.Table, new() { Name = "Enregistrements par type" });
        foreach (var (genre, attendu) in new[]
                 {
                     ("Apprenants", new[] { "3", "0", "0", "0", "2", "0" }), ("Responsables", ["2", "0", "0", "0", "0", "0"]),
                     ("Personnels", ["2", "0", "0", "0", "0", "0"]), ("Divisions", ["2", "0", "0", "0", "0", "0"]), ("Groupes", ["1", "0", "0", "0", "0", "0"]),
                 })
        {
            await Assertions.Expect(compteurs.GetByRole(AriaRole.Row, new() { Name = genre }).GetByRole(AriaRole.Cell)).ToHaveTextAsync(attendu);
        }
        var rejets = page.GetByRole(AriaRole.Table, new() { Name = "Enregistrements rejetés, avec la règle appliquée" });
        await Assertions.Expect(rejets.GetByRole(AriaRole.Row).Filter(new() { HasText = "1099" })).ToContainTextAsync("INE 120456791AD présent sur plusieurs fiches");
        await Assertions.Expect(page.GetByText("Apprenants sans division : 1")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Comptes créés : 5")).ToBeVisibleAsync();
    }
}
