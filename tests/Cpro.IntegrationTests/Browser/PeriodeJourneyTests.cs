using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Periodes;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Kernel.Identity;
using Microsoft.Playwright;
using static Cpro.IntegrationTests.Browser.BrowserFixture;

namespace Cpro.IntegrationTests.Browser;

/// <summary>The DDFTP declares a PFMP from an annex for a level of two classes; a learner of it finds it from their account.</summary>
public sealed class PeriodeJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_ddftp_declares_one_pfmp_from_an_annex_for_a_level_with_two_classes_deselects_one_learner_and_a_learner_of_it_sees_the_period()
    {
        var classe = await Classe.CreerAsync(fixture);
        await EntrepriseDonnees.AnnexeAsync(fixture, classe.Uai, "PFMP 1 — Câblage");
        var ddftp = await fixture.CreerUtilisateurAsync(classe.Uai, Profils.Ddftp);
        var page = await fixture.PhonePageAsync();
        await SeConnecterAsync(page, ddftp, CproFactory.MotDePasse);

        await (await BrowserFixture.NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Périodes en entreprise" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Déclarer une PFMP depuis PFMP 1 — Câblage" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Déclarer une PFMP" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Titre", new() { Exact = true })).ToHaveValueAsync("PFMP 1 — Câblage");
        await Assertions.Expect(page.GetByLabel("T2.3 ", new() { Exact = false })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Aucun" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("MARTIN Lea")).Not.ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tous" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("MARTIN Lea (2MELEC1)")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("LEROY Nina (2MELEC2)")).ToBeCheckedAsync();
        await page.GetByLabel("PETIT Hugo").UncheckAsync();
        await page.GetByLabel("Date de début").FillAsync("2027-01-04");
        await page.GetByLabel("Date de fin").FillAsync("2027-01-29");
        await page.GetByLabel("VOLTA Alessandro").CheckAsync();
        await AssertFitsThePhoneAsync(page);
        // Entrée in a date declares the period with the ticks as they are (not « Tous »).
        await page.GetByLabel("Date de fin").PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Période déclarée.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "PFMP 1 — Câblage" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Apprenants (4)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "LEROY Nina (2MELEC2)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "PETIT Hugo (2MELEC1)" })).ToHaveCountAsync(0);
        await page.GetByText("Renseigner l'entreprise et le tuteur de Lea MARTIN").ClickAsync();
        var fiche = page.GetByRole(AriaRole.Article).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "MARTIN Lea (2MELEC1)" }) });
        await fiche.GetByRole(AriaRole.Textbox, new() { Name = "Nom de l'entreprise", Exact = true }).FillAsync("Élec Services");
        await fiche.GetByLabel("SIRET").FillAsync("73282932000075");
        await fiche.GetByLabel("Adresse de l'entreprise").FillAsync("12 rue des Ampères, 75011 Paris");
        await fiche.GetByRole(AriaRole.Textbox, new() { Name = "Nom du tuteur", Exact = true }).FillAsync("DUPONT");
        await fiche.GetByLabel("Prénom du tuteur").FillAsync("Claire");
        await fiche.GetByLabel("Adresse électronique du tuteur").FillAsync("claire.dupont@example.org");
        await AssertFitsThePhoneAsync(page);
        await fiche.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la fiche de Lea MARTIN" }).ClickAsync();
        await Assertions.Expect(fiche.GetByRole(AriaRole.Alert)).ToContainTextAsync("Le SIRET compte 14 chiffres");
        await Assertions.Expect(fiche.GetByRole(AriaRole.Textbox, new() { Name = "Nom de l'entreprise", Exact = true })).ToHaveValueAsync("Élec Services");
        await fiche.GetByLabel("SIRET").FillAsync("73282932000074");
        await fiche.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la fiche de Lea MARTIN" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Fiche de Lea MARTIN enregistrée.");
        await Assertions.Expect(page.GetByText("1 fiche(s) renseignée(s), 0 fiche(s) activités")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await SeConnecterAsync(page, classe.Apprenants["Lea"], Classe.MotDePasse);
        await (await BrowserFixture.NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Périodes en entreprise" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Déclarer une PFMP depuis PFMP 1 — Câblage" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "PFMP 1 — Câblage" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "PFMP 1 — Câblage" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("PFMP du 04/01/2027 au 29/01/2027")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "MARTIN Lea (2MELEC1)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "LEROY Nina (2MELEC2)" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("VOLTA Alessandro")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Entreprise : Élec Services")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Tuteur : Claire DUPONT")).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(page);
    }
}
