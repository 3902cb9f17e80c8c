using Cpro.Etablissements.Domain;
using Cpro.IntegrationTests.Bilans;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Kernel.Identity;
using Microsoft.Playwright;
using static Cpro.IntegrationTests.Browser.BrowserFixture;

namespace Cpro.IntegrationTests.Browser;

/// <summary>A bilan intermédiaire from the dashboard to the console: the teacher draws it up and finalises it, the DDFTP sees
/// the division's figure rise and reminds its teachers (the email is in « Courriels »), the learner reads her bilan on a phone.</summary>
public sealed class BilansJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_teacher_finalises_a_bilan_the_ddftp_sees_the_figure_rise_and_reminds_and_the_learner_reads_it()
    {
        using var c = await ClasseBilans.CreerAsync(fixture);
        await c.EvaluerAsync("3");
        var etablissement = await fixture.EtablissementIdAsync(c.Classe.Uai);
        await using (var session = fixture.Documents(etablissement))
        {
            var compte = await session.LoadAsync<Utilisateur>(c.Classe.CompteId(c.Classe.Professeur));
            compte!.Email = $"volta.{Guid.NewGuid():N}@example.org";
            session.Update(compte);
            await session.SaveChangesAsync();
        }

        // The DDFTP: nothing finalised yet.
        var ddftp = await fixture.PhonePageAsync(1280, 800);
        await SeConnecterAsync(ddftp, await fixture.CreerUtilisateurAsync(c.Classe.Uai, Profils.Ddftp), CproFactory.MotDePasse);
        await (await NavigationAsync(ddftp)).GetByRole(AriaRole.Link, new() { Name = "Console de pilotage" }).ClickAsync();
        var semestre = ddftp.GetByRole(AriaRole.Table, new() { Name = "Bilans de 2MELEC1 par période officielle" }).GetByRole(AriaRole.Row, new() { Name = "Semestre 1" });
        await Assertions.Expect(semestre).ToContainTextAsync("0 / 3 (0 %)");

        // The teacher, from Léa's dashboard.
        var professeur = await fixture.PhonePageAsync(1280, 800);
        await SeConnecterAsync(professeur, c.Classe.Professeur, Classe.MotDePasse);
        await professeur.GotoAsync($"/suivi/{c.Lea}");
        await professeur.GetByRole(AriaRole.Link, new() { Name = "Bilans de l'apprenant : commencer ou reprendre un bilan" }).ClickAsync();
        await professeur.GetByRole(AriaRole.Button, new() { Name = "Commencer le bilan" }).ClickAsync();
        await Assertions.Expect(professeur.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bilan commencé.");
        await Assertions.Expect(professeur.GetByRole(AriaRole.Group, new() { NameRegex = new("^C1 ") })).ToContainTextAsync("Niveau calculé : 3 Maîtrisé");
        await professeur.Locator("#n-C2").SelectOptionAsync("3");
        await professeur.Locator("#c-C2").FillAsync("Nette progression en fin de semestre.");
        await professeur.GetByLabel("Appréciation générale").FillAsync("Léa s'investit et progresse.");
        await professeur.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le bilan" }).ClickAsync();
        await Assertions.Expect(professeur.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bilan enregistré.");
        await Assertions.Expect(professeur.GetByRole(AriaRole.Group, new() { NameRegex = new("^C2 ") })).ToContainTextAsync("Ajusté : 3 Maîtrisé au lieu de 2 Insuffisamment maîtrisé (calculé).");
        await professeur.GetByRole(AriaRole.Button, new() { Name = "Finaliser le bilan" }).ClickAsync();
        await Assertions.Expect(professeur.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bilan finalisé : ses niveaux et leurs preuves sont figés.");

        // The DDFTP sees the figure rise, then reminds the division's teachers.
        await ddftp.ReloadAsync();
        await Assertions.Expect(semestre).ToContainTextAsync("1 / 3 (33 %)");
        await ddftp.GetByRole(AriaRole.Button, new() { Name = "Relancer les enseignants de 2MELEC1" }).ClickAsync();
        await Assertions.Expect(ddftp.GetByRole(AriaRole.Status)).ToHaveTextAsync("Relance envoyée pour 2MELEC1 (Semestre 1) à Alessandro VOLTA.");
        await Assertions.Expect(ddftp.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "2MELEC1, Semestre 1, 2 apprenant(s)" })).ToContainTextAsync("envoyée à Alessandro VOLTA");

        // The email is in the administrator's « Courriels ».
        var admin = await fixture.PhonePageAsync(1280, 800);
        await SeConnecterAsync(admin, await fixture.CreerUtilisateurAsync(c.Classe.Uai, Profils.Administrateur), CproFactory.MotDePasse);
        await (await NavigationAsync(admin)).GetByRole(AriaRole.Link, new() { Name = "Courriels" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Cpro : bilans à finaliser en 2MELEC1 — Semestre 1" })).ToBeVisibleAsync();

        // Léa reads her finalised bilan on a phone.
        var eleve = await fixture.PhonePageAsync(390, 844);
        await SeConnecterAsync(eleve, c.Classe.Apprenants["Lea"], Classe.MotDePasse);
        await (await NavigationAsync(eleve)).GetByRole(AriaRole.Link, new() { Name = "Bilans", Exact = true }).ClickAsync();
        await eleve.GetByRole(AriaRole.Link, new() { Name = "Bilans de Lea MARTIN" }).ClickAsync();
        await eleve.GetByRole(AriaRole.Link, new() { Name = "Bilan intermédiaire — Semestre 1" }).ClickAsync();
        await Assertions.Expect(eleve.GetByRole(AriaRole.Row, new() { NameRegex = new("^C2 ") })).ToContainTextAsync("3 Maîtrisé (ajusté)");
        await Assertions.Expect(eleve.GetByText("Léa s'investit et progresse.")).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(eleve);
    }
}
