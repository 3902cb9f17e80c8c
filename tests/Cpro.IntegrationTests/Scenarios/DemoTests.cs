using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Modules;
using UglyToad.PdfPig;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.IntegrationTests.Scenarios;

/// <summary>The host as build/run.sh starts it (CPRO_DEMO=true): a demo establishment ready to show.</summary>
public sealed class DemoFactory : CproFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("CPRO_DEMO", "true");
    }
}

public sealed class DemoTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const string MotDePasse = "Demo-Cpro-2026";

    [Fact]
    public async Task The_demo_shows_a_scenario_with_a_filled_grid_and_a_learners_dashboard_and_a_restart_adds_nothing()
    {
        using var enseignant = await factory.ClientAsync("demo.enseignant", MotDePasse);
        var scenario = Assert.Single((await enseignant.GetFromJsonAsync<JsonElement[]>("/api/scenarios"))!);
        var evaluations = (await enseignant.GetFromJsonAsync<JsonElement[]>($"/api/scenarios/evaluations?scenario={scenario.GetProperty("id").GetGuid()}"))!;
        Assert.Equal(3, evaluations.Length);
        var evaluation = evaluations[0];
        var grille = await enseignant.GetFromJsonAsync<JsonElement>($"/api/scenarios/evaluations/{evaluation.GetProperty("id").GetGuid()}");
        Assert.Equal(6, grille.GetProperty("apprenants").GetArrayLength());
        Assert.Equal(6 * grille.GetProperty("items").GetArrayLength(), grille.GetProperty("cellules").GetArrayLength());

        using var eleve = await factory.ClientAsync("demo.eleve", MotDePasse);
        var moi = Assert.Single((await eleve.GetFromJsonAsync<JsonElement[]>("/api/scenarios/suivi/apprenants"))!);
        var tableau = await eleve.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{moi.GetProperty("utilisateurId").GetGuid()}");
        Assert.Contains(tableau.GetProperty("referentiels")[0].GetProperty("competences").EnumerateArray(), c => c.GetProperty("synthese").ValueKind == JsonValueKind.String);
        // Three grids five weeks apart: the overview shows the levels over at least two months.
        Assert.True(tableau.GetProperty("referentiels")[0].GetProperty("parMois").GetArrayLength() >= 2);
        Assert.Contains("Compétences par bloc", await eleve.GetStringAsync($"/suivi/{moi.GetProperty("utilisateurId").GetGuid()}"), StringComparison.Ordinal);
        using var admin = await factory.ClientAsync("demo.admin", MotDePasse);
        Assert.Equal(5, (await admin.GetFromJsonAsync<JsonElement[]>("/api/etablissements/0750001U/acces?public=apprenants"))!.Length);

        using (var scope = factory.Services.CreateScope())
        {
            foreach (var tache in scope.ServiceProvider.GetServices<IStartupTask>())
            {
                await tache.RunAsync(CancellationToken.None);
            }
        }
        Assert.Single((await enseignant.GetFromJsonAsync<JsonElement[]>("/api/scenarios"))!);
        // The class's six and demo.apprenti.
        Assert.Equal(7, (await admin.GetFromJsonAsync<JsonElement[]>("/api/etablissements/0750001U/apprenants"))!.Length);
    }

    [Fact]
    public async Task The_demo_learner_has_a_pfmp_with_her_company_and_the_demo_tutor_follows_her()
    {
        using var tuteur = await factory.ClientAsync("demo.tuteur", MotDePasse);
        var periode = Assert.Single((await tuteur.GetFromJsonAsync<JsonElement[]>("/api/periodes/entreprise"))!);
        Assert.Equal(1, periode.GetProperty("apprenants").GetInt32());
        var detail = await tuteur.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{periode.GetProperty("id").GetGuid()}");
        var lea = Assert.Single(detail.GetProperty("apprenants").EnumerateArray());
        Assert.Equal(("Martin", "Élec Services Paris"), (lea.GetProperty("nom").GetString(), lea.GetProperty("entreprise").GetProperty("nom").GetString()));

        using var eleve = await factory.ClientAsync("demo.eleve", MotDePasse);
        Assert.Equal(periode.GetProperty("id").GetGuid(), Assert.Single((await eleve.GetFromJsonAsync<JsonElement[]>("/api/periodes/entreprise"))!).GetProperty("id").GetGuid());
        using var ddftp = await factory.ClientAsync("demo.ddftp", MotDePasse);
        var officielles = await ddftp.GetFromJsonAsync<JsonElement>("/api/periodes/officielles?referentiel=BACPRO-MELEC&niveau=SECONDE");
        Assert.Contains("PFMP 1", officielles.GetRawText(), StringComparison.Ordinal);
        // The PFMP's annex and the période employeur's, for apprentices.
        Assert.Equal([false, true], (await ddftp.GetFromJsonAsync<JsonElement[]>("/api/periodes/annexes"))!.Select(a => a.GetProperty("pourApprentis").GetBoolean()).Order());
    }

    [Theory]
    [InlineData("demo.enseignant", "Vos dernières grilles de positionnement", "Câbler et raccorder un tableau de distribution")]
    [InlineData("demo.eleve", "Vos derniers positionnements", "Câbler et raccorder un tableau de distribution")]
    [InlineData("demo.ddftp", "Mise en place de l'année", "Saisie des dates limites de certification")]
    [InlineData("demo.chef", "Mise en place de l'année", "Périodes en entreprise à compléter")]
    [InlineData("demo.admin", "Mots de passe provisoires", "compte(s) encore sur leur mot de passe provisoire")]
    [InlineData("demo.tuteur", "Les apprenants que vous accueillez", "Toutes leurs périodes en entreprise")]
    [InlineData("demo.maitre", "Les apprenants que vous accueillez", "Toutes leurs périodes en entreprise")]
    public async Task Every_demo_account_has_a_home_page_of_its_own(string login, string carte, string contenu)
    {
        using var client = await factory.ClientAsync(login, MotDePasse);

        var accueil = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/"));

        Assert.Contains($">{carte}", accueil, StringComparison.Ordinal);
        Assert.Contains(contenu, accueil, StringComparison.Ordinal);
        Assert.DoesNotContain("Rien ne vous attend", accueil, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_learners_portfolio_has_a_submitted_fiche_two_journal_entries_one_commented_by_her_tutor_and_a_bilan_started()
    {
        using var eleve = await factory.ClientAsync("demo.eleve", MotDePasse);
        var periode = Assert.Single((await eleve.GetFromJsonAsync<JsonElement[]>("/api/portfolio/periodes"))!);
        var lea = Assert.Single(periode.GetProperty("apprenants").EnumerateArray());
        var portfolio = $"/api/portfolio/periodes/{periode.GetProperty("id").GetGuid()}/apprenants/{lea.GetProperty("id").GetGuid()}";

        var fiche = Assert.Single((await eleve.GetFromJsonAsync<JsonElement[]>($"{portfolio}/fiches"))!);
        Assert.Equal("soumise", fiche.GetProperty("statut").GetString());
        using var tuteur = await factory.ClientAsync("demo.tuteur", MotDePasse);
        var journal = (await tuteur.GetFromJsonAsync<JsonElement[]>($"{portfolio}/journal"))!;
        Assert.Equal([0, 1], journal.Select(e => e.GetProperty("commentaires").GetArrayLength()));
        Assert.Equal("Tuteur", journal[1].GetProperty("commentaires")[0].GetProperty("qualite").GetString());
        using var enseignant = await factory.ClientAsync("demo.enseignant", MotDePasse);
        var bilan = await enseignant.GetFromJsonAsync<JsonElement>($"{portfolio}/bilan");
        Assert.False(bilan.GetProperty("finalise").GetBoolean());
        Assert.Equal([("C1", "3"), ("C4", null)], bilan.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("code").GetString(), i.GetProperty("niveau").GetString())));
        Assert.True((await enseignant.GetFromJsonAsync<JsonElement>(portfolio)).GetProperty("droits").GetProperty("finaliser").GetBoolean());
    }

    [Fact]
    public async Task The_demo_apprentice_works_with_the_demo_maitre_and_his_livret_holds_a_fiche_a_commented_entry_and_a_finalised_bilan()
    {
        using var maitre = await factory.ClientAsync("demo.maitre", MotDePasse);
        var periode = Assert.Single((await maitre.GetFromJsonAsync<JsonElement[]>("/api/portfolio/periodes"))!);
        Assert.Equal("periodeEmployeur", periode.GetProperty("type").GetString());
        var nathan = Assert.Single(periode.GetProperty("apprenants").EnumerateArray());
        Assert.Equal(("Girard", "Girard Électricité"), (nathan.GetProperty("nom").GetString(), nathan.GetProperty("entreprise").GetString()));
        var id = nathan.GetProperty("id").GetGuid();
        var debut = DateOnly.Parse(periode.GetProperty("debut").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var annee = debut.Month >= 9 ? debut.Year : debut.Year - 1;

        using var apprenti = await factory.ClientAsync("demo.apprenti", MotDePasse);
        Assert.Contains($"/portfolio/livret/{id}?annee={annee}", await apprenti.GetStringAsync("/portfolio"), StringComparison.Ordinal);
        using var pdf = PdfDocument.Open(await apprenti.GetByteArrayAsync($"/api/portfolio/apprenants/{id}/livret.pdf?annee={annee}"));
        var texte = Compact(string.Concat(pdf.GetPages().Select(p => p.Text)));
        foreach (var attendu in new[]
                 {
                     "Maître d'apprentissage : Marc Maître", "« Mise en service d'un tableau de distribution »", "Marc Maître (Maître d'apprentissage",
                     "Travail soigné", "Finalisé le", "Autonome sur le câblage",
                 })
        {
            Assert.Contains(Compact(attendu), texte, StringComparison.Ordinal);
        }
        var tableau = await apprenti.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{id}");
        Assert.Contains(tableau.GetProperty("evaluations").EnumerateArray(), e => e.GetProperty("enEntreprise").GetBoolean());
    }

    private static string Compact(string texte) => string.Concat(texte.Where(c => !char.IsWhiteSpace(c)));
}
