using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Portfolio;
using Cpro.IntegrationTests.Scenarios;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Cpro.IntegrationTests.Browser.BrowserFixture;

namespace Cpro.IntegrationTests.Browser;

/// <summary>A période employeur from fiche to dashboard and livret: the apprentice writes a fiche with a photo on a phone, the
/// teacher picks two competences, the maître d'apprentissage positions them on a phone, the teacher finalises, the dashboard
/// shows them « en entreprise », and the livret's PDF holds the fiche.</summary>
public sealed class PortfolioJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Titre = "Raccordement d'un tableau divisionnaire";

    [Fact]
    public async Task The_apprentice_writes_a_fiche_on_a_phone_the_teacher_and_the_maitre_position_it_and_it_reaches_the_dashboard_and_the_livret()
    {
        using var pfmp = await Pfmp.CreerAsync(fixture, apprentis: true);
        var maitre = Assert.Single((await pfmp.Classe.Admin.GetFromJsonAsync<JsonElement[]>($"/api/etablissements/{pfmp.Classe.Uai}/utilisateurs?profil=MaitreApprentissage"))!)
            .GetProperty("login").GetString()!;
        var portfolio = $"/portfolio/{pfmp.PeriodeId}/{pfmp.Lea}";

        // The apprentice, on a phone.
        var apprentie = await fixture.PhonePageAsync(390, 844);
        await SeConnecterAsync(apprentie, pfmp.Classe.Apprenants["Lea"], Classe.MotDePasse);
        await (await NavigationAsync(apprentie)).GetByRole(AriaRole.Link, new() { Name = "Portfolio" }).ClickAsync();
        await apprentie.GetByRole(AriaRole.Link, new() { Name = "Portfolio de Lea MARTIN" }).ClickAsync();
        await AssertFitsThePhoneAsync(apprentie);
        await apprentie.GetByLabel("Titre").FillAsync(Titre);
        await apprentie.GetByLabel("Date de l'activité").FillAsync("2027-01-06");
        await apprentie.GetByRole(AriaRole.Button, new() { Name = "Créer la fiche" }).ClickAsync();
        await Assertions.Expect(apprentie.GetByRole(AriaRole.Status)).ToHaveTextAsync("Fiche créée : complétez-la, puis soumettez-la.");
        await apprentie.GetByLabel("Ce que j'ai fait").FillAsync("J'ai raccordé les départs et vérifié les serrages.");
        await apprentie.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la fiche" }).ClickAsync();
        await Assertions.Expect(apprentie.GetByRole(AriaRole.Status)).ToHaveTextAsync("Fiche enregistrée.");
        await apprentie.GetByLabel("Photo ou document (10 Mo au plus)").SetInputFilesAsync(new FilePayload
        {
            Name = "tableau.png", MimeType = "image/png", Buffer = FichiersRessourcesTests.Png,
        });
        await apprentie.GetByRole(AriaRole.Button, new() { Name = "Joindre" }).ClickAsync();
        await Assertions.Expect(apprentie.GetByRole(AriaRole.Status)).ToHaveTextAsync("« tableau.png » jointe à la fiche.");
        await AssertFitsThePhoneAsync(apprentie);
        await apprentie.GetByRole(AriaRole.Button, new() { Name = "Soumettre la fiche" }).ClickAsync();
        await Assertions.Expect(apprentie.GetByRole(AriaRole.Status)).ToHaveTextAsync("Fiche soumise à vos professeurs référents.");
        var fiche = apprentie.Url;

        // The teacher picks two competences.
        var professeur = await fixture.PhonePageAsync(1280, 800);
        await SeConnecterAsync(professeur, pfmp.Classe.Professeur, Classe.MotDePasse);
        await professeur.GotoAsync(new Uri(fiche).PathAndQuery.Split('?')[0]);
        await professeur.Locator("#i-C1").CheckAsync();
        await professeur.Locator("#i-C4").CheckAsync();
        await professeur.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la révision" }).ClickAsync();
        await Assertions.Expect(professeur.GetByRole(AriaRole.Status)).ToContainTextAsync("Révision enregistrée");

        // The maître d'apprentissage, on a phone, positions them.
        var telephone = await fixture.PhonePageAsync(390, 844);
        await SeConnecterAsync(telephone, maitre, Classe.MotDePasse);
        await (await NavigationAsync(telephone)).GetByRole(AriaRole.Link, new() { Name = "Portfolio" }).ClickAsync();
        await telephone.GetByRole(AriaRole.Link, new() { Name = "Portfolio de Lea MARTIN" }).ClickAsync();
        await telephone.GetByRole(AriaRole.Link, new() { Name = "Bilan en entreprise" }).ClickAsync();
        await telephone.Locator("#n-C1").SelectOptionAsync("3");
        await telephone.Locator("#n-C4").SelectOptionAsync("2");
        await telephone.GetByLabel("Commentaire général").FillAsync("Soigneux, à encourager sur la mise en service.");
        await AssertFitsThePhoneAsync(telephone);
        await telephone.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le bilan" }).ClickAsync();
        await Assertions.Expect(telephone.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(telephone);

        // The teacher finalises.
        await professeur.GotoAsync($"{portfolio}/bilan");
        await professeur.GetByRole(AriaRole.Button, new() { Name = "Finaliser le bilan" }).ClickAsync();
        await Assertions.Expect(professeur.GetByRole(AriaRole.Button, new() { Name = "Rouvrir le bilan" })).ToBeVisibleAsync();

        // The apprentice's dashboard shows both « en entreprise ».
        await apprentie.GotoAsync($"/suivi/{pfmp.Lea}");
        await Assertions.Expect(apprentie.Locator(".badge", new() { HasText = "en entreprise" })).ToHaveCountAsync(2);
        await AssertFitsThePhoneAsync(apprentie);

        // Her livret: the page, and its PDF, downloaded, holds the fiche.
        await apprentie.GotoAsync("/portfolio");
        await apprentie.GetByRole(AriaRole.Link, new() { Name = "Livret d'apprentissage" }).ClickAsync();
        await Assertions.Expect(apprentie.GetByRole(AriaRole.Heading, new() { Name = Titre })).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(apprentie);
        var telechargement = await apprentie.RunAndWaitForDownloadAsync(() =>
            apprentie.GetByRole(AriaRole.Link, new() { Name = "Télécharger le livret (PDF)" }).ClickAsync());
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync((await telechargement.PathAsync())!));
        Assert.Contains(Titre.Replace(" ", "", StringComparison.Ordinal),
            string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
