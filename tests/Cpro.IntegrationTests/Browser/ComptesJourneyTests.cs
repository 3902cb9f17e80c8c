using System.Text.RegularExpressions;
using Cpro.Kernel.Identity;
using Microsoft.Playwright;

namespace Cpro.IntegrationTests.Browser;

/// <summary>An administrator sets the establishment up and creates an account by hand; its owner signs in with the
/// emailed temporary password and must choose theirs first.</summary>
public sealed partial class ComptesJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Administrator_creates_an_account_whose_owner_chooses_a_password_at_first_sign_in()
    {
        var uai = await fixture.CreerEtablissementAsync();
        var login = await fixture.CreerUtilisateurAsync(uai, Profils.Administrateur);
        var page = await fixture.PhonePageAsync();
        await BrowserFixture.SeConnecterAsync(page, login, Infrastructure.CproFactory.MotDePasse);

        await (await BrowserFixture.NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Paramètres" }).ClickAsync();
        await page.GetByLabel("Adresse postale").FillAsync("12 avenue de la République, 69001 Lyon");
        await page.GetByLabel("Transferts de dossiers d'apprenants autorisés").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les paramètres" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Paramètres enregistrés.");
        await Assertions.Expect(page.GetByLabel("Transferts de dossiers d'apprenants autorisés")).ToBeCheckedAsync();

        await (await BrowserFixture.NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Utilisateurs" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvel utilisateur" }).ClickAsync();
        var nom = page.GetByRole(AriaRole.Textbox, new() { Name = "Nom", Exact = true });
        await Assertions.Expect(nom).ToHaveAttributeAsync("aria-required", "true");
        await page.GetByLabel("Civilité").SelectOptionAsync("Mme");
        // Blanks pass the browser's check of a required field, not the server's.
        await nom.FillAsync("   ");
        await page.GetByLabel("Prénom").FillAsync("Élodie");
        await page.GetByLabel("Adresse électronique").FillAsync("elodie.tutrice@example.org");
        await page.GetByLabel("Profil").SelectOptionAsync(Profils.Tuteur);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await Assertions.Expect(page.Locator("#nom-erreur")).ToHaveTextAsync("Le nom est obligatoire.");
        await Assertions.Expect(nom).ToHaveAttributeAsync("aria-invalid", "true");
        await nom.FillAsync("Tutrice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Compte elodie.tutrice créé");
        var ligne = page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("Tutrice Élodie") });
        await Assertions.Expect(ligne).ToContainTextAsync("Créé manuellement");
        await BrowserFixture.AssertFitsThePhoneAsync(page);

        await (await BrowserFixture.NavigationAsync(page)).GetByRole(AriaRole.Link, new() { Name = "Courriels" }).ClickAsync();
        var courriel = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "elodie.tutrice@example.org" });
        // The outbox sends in the background: the page shows the state at the time it is read.
        for (var essai = 0; essai < 50 && !(await courriel.InnerTextAsync()).Contains("écrit dans", StringComparison.Ordinal); essai++)
        {
            await Task.Delay(300);
            await page.ReloadAsync();
        }
        await Assertions.Expect(courriel).ToContainTextAsync("écrit dans");
        await courriel.Locator("summary").ClickAsync();
        var corps = await courriel.Locator("pre").InnerTextAsync();
        var code = CodeProvisoire().Match(corps).Groups[1].Value;
        Assert.Contains("Identifiant : elodie.tutrice", corps, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.GetByLabel("Identifiant").FillAsync("elodie.tutrice");
        await page.GetByLabel("Mot de passe").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choisir votre mot de passe" })).ToBeVisibleAsync();
        var accueil = await page.GotoAsync("/");
        Assert.EndsWith("/mot-de-passe", accueil!.Url, StringComparison.Ordinal);

        // The temporary password was just typed to sign in: it is not asked again.
        await Assertions.Expect(page.GetByLabel("Mot de passe actuel")).ToHaveCountAsync(0);
        await page.GetByLabel(new Regex("^Nouveau mot de passe")).FillAsync("Ma-phrase-de-passe-2026");
        await page.GetByLabel("Confirmation du nouveau mot de passe").FillAsync("Ma-phrase-de-passe-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mon mot de passe" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Votre mot de passe est enregistré.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Élodie Tutrice" })).ToBeVisibleAsync();
        await BrowserFixture.AssertFitsThePhoneAsync(page);
    }

    [Fact]
    public async Task Administrator_edits_an_account_profiles_and_deactivates_it()
    {
        var uai = await fixture.CreerEtablissementAsync();
        var login = await fixture.CreerUtilisateurAsync(uai, Profils.Administrateur);
        var enseignant = await fixture.CreerUtilisateurAsync(uai, Profils.Enseignant);
        var page = await fixture.PhonePageAsync();
        await BrowserFixture.SeConnecterAsync(page, login, Infrastructure.CproFactory.MotDePasse);

        await page.GotoAsync($"/administration/utilisateurs?recherche={enseignant}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Test Enseignant" }).ClickAsync();
        await page.GetByLabel("DDFTP").CheckAsync();
        await page.GetByLabel("Adresse électronique").FillAsync("prof@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Compte {enseignant} modifié.");
        var ligne = page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("Test Enseignant") });
        await Assertions.Expect(ligne).ToContainTextAsync("DDFTP, Enseignant / Formateur");
        await ligne.GetByRole(AriaRole.Button, new() { Name = "Désactiver" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Compte {enseignant} désactivé.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("Test Enseignant") })).ToContainTextAsync("Désactivé");
    }

    [GeneratedRegex(@"Mot de passe provisoire : (\S+)")]
    private static partial Regex CodeProvisoire();
}
