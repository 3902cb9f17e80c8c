using Cpro.IntegrationTests.Book;
using Cpro.IntegrationTests.Scenarios;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Cpro.IntegrationTests.Browser.BrowserFixture;

namespace Cpro.IntegrationTests.Browser;

/// <summary>The book from activation to PDF: the DDFTP turns it on, the learner on a phone makes a réussite from her fiche
/// activité in the three steps with a photo, and another from nothing, her teacher comments, and her PDF has the cover and
/// one page per réussite.</summary>
public sealed class BookJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_ddftp_activates_the_learner_makes_reussites_on_a_phone_the_teacher_comments_and_the_pdf_has_a_page_each()
    {
        using var pfmp = await LeBook.CreerAsync(fixture, actif: false);
        await pfmp.FicheAsync(soumise: true);

        // The DDFTP turns the book on.
        var ddftp = await fixture.PhonePageAsync(1280, 800);
        await SeConnecterAsync(ddftp, await fixture.CreerUtilisateurAsync(pfmp.Classe.Uai, Kernel.Identity.Profils.Ddftp), Infrastructure.CproFactory.MotDePasse);
        await (await NavigationAsync(ddftp)).GetByRole(AriaRole.Link, new() { Name = "Book des apprenants" }).ClickAsync();
        await ddftp.GetByLabel("Activer le book").CheckAsync();
        await ddftp.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'activation" }).ClickAsync();
        await Assertions.Expect(ddftp.GetByRole(AriaRole.Status)).ToHaveTextAsync("Book activé.");

        // The learner, on a phone: step 1 from her fiche, step 2 told and illustrated, step 3 tied to a competence.
        var eleve = await fixture.PhonePageAsync(390, 844);
        await SeConnecterAsync(eleve, pfmp.Classe.Apprenants["Lea"], Classe.MotDePasse);
        await (await NavigationAsync(eleve)).GetByRole(AriaRole.Link, new() { Name = "Book des apprenants" }).ClickAsync();
        await eleve.GetByRole(AriaRole.Link, new() { Name = "Ajouter une réussite" }).ClickAsync();
        await AssertFitsThePhoneAsync(eleve);
        await eleve.GetByLabel("Pose de prises dans une cuisine").CheckAsync();
        await eleve.GetByRole(AriaRole.Button, new() { Name = "Partir de cette fiche" }).ClickAsync();
        await Assertions.Expect(eleve.GetByRole(AriaRole.Status)).ToHaveTextAsync("Réussite commencée : racontez-la et illustrez-la.");
        await Assertions.Expect(eleve.GetByLabel("Ce que j'ai fait")).ToHaveValueAsync("J'ai tiré les câbles, posé et raccordé quatre prises.");
        await eleve.GetByLabel("Ce que j'ai appris").FillAsync("Toujours vérifier l'absence de tension avant de raccorder.");
        await eleve.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réussite" }).ClickAsync();
        await Assertions.Expect(eleve.GetByRole(AriaRole.Status)).ToHaveTextAsync("Réussite enregistrée.");
        await eleve.GetByLabel("Photo ou document").SetInputFilesAsync(new FilePayload { Name = "chantier.jpg", MimeType = "image/jpeg", Buffer = LeBook.JpegAvecGps() });
        await eleve.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        await Assertions.Expect(eleve.GetByRole(AriaRole.Status)).ToHaveTextAsync("« chantier.jpg » ajouté à la réussite.");
        await Assertions.Expect(eleve.GetByRole(AriaRole.Img, new() { Name = "Photo : chantier.jpg" })).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(eleve);
        await eleve.GetByRole(AriaRole.Link, new() { Name = "Étape 3 : la relier aux compétences" }).ClickAsync();
        await eleve.Locator("#c-C1").CheckAsync();
        await eleve.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les compétences" }).ClickAsync();
        await Assertions.Expect(eleve.GetByRole(AriaRole.Status)).ToHaveTextAsync("Compétences enregistrées.");
        await AssertFitsThePhoneAsync(eleve);
        var reussite = new Uri(eleve.Url).AbsolutePath.Replace("/competences", "", StringComparison.Ordinal);

        // A second one, from nothing.
        await eleve.GotoAsync("/book/nouvelle");
        await eleve.GetByLabel("Titre").FillAsync("Mon stand aux portes ouvertes");
        await eleve.GetByLabel("Au centre de formation").CheckAsync();
        await eleve.GetByLabel("Quand").FillAsync("2026-12-05");
        await eleve.GetByRole(AriaRole.Button, new() { Name = "Commencer la réussite" }).ClickAsync();
        await Assertions.Expect(eleve.GetByRole(AriaRole.Status)).ToHaveTextAsync("Réussite commencée : racontez-la et illustrez-la.");

        // Her teacher comments the first.
        var professeur = await fixture.PhonePageAsync(1280, 800);
        await SeConnecterAsync(professeur, pfmp.Classe.Professeur, Classe.MotDePasse);
        await (await NavigationAsync(professeur)).GetByRole(AriaRole.Link, new() { Name = "Book des apprenants" }).ClickAsync();
        await professeur.GetByRole(AriaRole.Link, new() { Name = "Lea MARTIN" }).ClickAsync();
        await professeur.GetByRole(AriaRole.Link, new() { Name = "Pose de prises dans une cuisine" }).ClickAsync();
        await Assertions.Expect(professeur.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réussite" })).ToHaveCountAsync(0);
        await professeur.GetByLabel("Votre commentaire").FillAsync("Récit précis, bravo.");
        await professeur.GetByRole(AriaRole.Button, new() { Name = "Commenter" }).ClickAsync();
        await Assertions.Expect(professeur.GetByRole(AriaRole.Status)).ToHaveTextAsync("Commentaire ajouté.");

        // The learner reads it, then exports: the cover, then one page per réussite, each title on its own page.
        await eleve.GotoAsync(reussite);
        await Assertions.Expect(eleve.GetByText("Récit précis, bravo.")).ToBeVisibleAsync();
        await eleve.GotoAsync("/book");
        await AssertFitsThePhoneAsync(eleve);
        var telechargement = await eleve.RunAndWaitForDownloadAsync(() => eleve.GetByRole(AriaRole.Link, new() { Name = "Télécharger mon book (PDF)" }).ClickAsync());
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync((await telechargement.PathAsync())!));
        Assert.Equal(1 + 2, pdf.NumberOfPages);
        var pages = pdf.GetPages().Select(p => p.Text.Replace(" ", "", StringComparison.Ordinal)).ToList();
        Assert.Contains("Monbook", pages[0], StringComparison.Ordinal);
        Assert.Contains("Posedeprisesdansunecuisine", pages[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Monstandauxportesouvertes", pages[1], StringComparison.Ordinal);
        Assert.Contains("Monstandauxportesouvertes", pages[2], StringComparison.Ordinal);
        Assert.DoesNotContain("Posedeprisesdansunecuisine", pages[2], StringComparison.Ordinal);
        Assert.NotEmpty(pdf.GetPage(2).GetImages());
    }
}
