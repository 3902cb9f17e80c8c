using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using Microsoft.Playwright;
using static Cpro.IntegrationTests.Browser.BrowserFixture;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Browser;

/// <summary>Subscribing to a diploma and reading its référentiel from the portal, on a 360 px wide screen.</summary>
public sealed class ReferentielsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Melec = "Métiers de l’Électricité et de ses Environnements Connectés";

    [Fact]
    public async Task Ddftp_subscribes_to_MELEC_for_seconde_then_reads_a_competences_criteria()
    {
        var uai = await fixture.CreerEtablissementAsync();
        using (var admin = await fixture.ClientAsync(await fixture.CreerUtilisateurAsync(uai, Profils.Administrateur)))
        {
            var sts = Sts(uai, [new Individu("9101", "DURAND", "Michel")], [("2MELEC1", "24023302210", ["9101"]), ("2MELEC2", "24023302210", ["9101"])], []);
            (await admin.PostAsync($"/api/etablissements/{uai}/imports", Formulaire(($"sts_emp_{uai}_{AnneeCourante}.xml", Octets(sts))))).EnsureSuccessStatusCode();
        }
        var login = await fixture.CreerUtilisateurAsync(uai, Profils.Ddftp);
        var page = await fixture.PhonePageAsync();
        await SeConnecterAsync(page, login, CproFactory.MotDePasse);

        await (await BrowserFixture.NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Abonnements aux diplômes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Abonnements aux diplômes", Level = 1 })).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(page);
        var carte = page.GetByRole(AriaRole.Region, new() { Name = Melec });
        await Assertions.Expect(carte).ToContainTextAsync("Non abonné");
        await carte.GetByRole(AriaRole.Group, new() { Name = "Seconde" }).GetByLabel("2MELEC1").CheckAsync();
        await carte.GetByRole(AriaRole.Button, new() { Name = "S'abonner" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Abonnement à « {Melec} » enregistré.");
        await Assertions.Expect(carte).ToContainTextAsync("Abonné");
        await Assertions.Expect(carte.GetByRole(AriaRole.Group, new() { Name = "Seconde" }).GetByLabel("2MELEC1")).ToBeCheckedAsync();
        // A Seconde's MEF: not offered in Première.
        await Assertions.Expect(carte.GetByRole(AriaRole.Group, new() { Name = "Première" }).GetByLabel("2MELEC1")).ToHaveCountAsync(0);
        await AssertFitsThePhoneAsync(page);

        await carte.GetByRole(AriaRole.Link, new() { Name = "Voir le référentiel" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Melec, Level = 1 })).ToBeVisibleAsync();
        var bloc = page.GetByRole(AriaRole.Region, new() { Name = "B1 — Préparation des opérations à réaliser" });
        var critere = bloc.GetByText("C1.1 Les informations nécessaires sont recueillies");
        await Assertions.Expect(critere).Not.ToBeVisibleAsync();
        await bloc.GetByText("C1 — ", new() { Exact = false }).First.ClickAsync();
        await Assertions.Expect(critere).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(page);
    }

    [Fact]
    public async Task Platform_administrator_checks_a_file_sees_its_errors_then_imports_it()
    {
        var code = Referentiels.Fichiers.NouveauCode();
        var fichier = Referentiels.Fichiers.Valide(code);
        var page = await fixture.PhonePageAsync();
        await SeConnecterAsync(page, CproFactory.AdminLogin, CproFactory.AdminPassword);
        await (await BrowserFixture.NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Import de référentiel" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import de référentiel" })).ToBeVisibleAsync();

        fichier["competences"]![0]!["taches"]![1] = "T9.9";
        await page.GetByLabel("Fichier du référentiel").SetInputFilesAsync(Json(fichier));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("competences[0].taches[1] : la tâche T9.9 n'existe pas.");
        await AssertFitsThePhoneAsync(page);

        fichier["competences"]![0]!["taches"]![1] = "T1.2";
        await page.GetByLabel("Fichier du référentiel").SetInputFilesAsync(Json(fichier));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Fichier valide, rien n'a été enregistré.");
        await page.GetByLabel("Fichier du référentiel").SetInputFilesAsync(Json(fichier));
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Référentiel ajouté au catalogue");
        await page.GetByRole(AriaRole.Status).GetByRole(AriaRole.Link, new() { Name = $"Essai {code}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Essai {code}", Level = 1 })).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(page);
    }

    private static FilePayload Json(System.Text.Json.Nodes.JsonObject fichier) =>
        new() { Name = "referentiel.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(fichier.ToJsonString()) };
}
