using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Kernel.Identity;
using static Cpro.IntegrationTests.Periodes.EntrepriseDonnees;
using static Cpro.IntegrationTests.Scenarios.ScenariosTests;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Portal;

/// <summary>The home page: each person's day, read from the modules' contributions; nobody sees another's data.</summary>
[Collection(CproCollection.Name)]
public sealed class AccueilTests(CproFactory factory)
{
    private static readonly DateOnly Aujourdhui = DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task Teacher_learner_and_tutor_each_see_their_own_grids_positionings_and_company_periods()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var collegue = await Classe.ClientAsync(factory, classe.Collegue);
        var scenario = (await CreerAsync(professeur, Scenario("Câbler un tableau"))).GetProperty("id").GetGuid();
        var grille = await EvaluerAsync(professeur, scenario, "2026-10-05");
        (await professeur.PutAsJsonAsync($"/api/scenarios/evaluations/{grille}/grille", new
        {
            versionGrille = 0, cellules = new[] { new { apprenant = classe.Ids["Lea"], item = "C1", valeur = "3", commentaire = (string?)null } },
        })).EnsureSuccessStatusCode();
        var autreScenario = (await CreerAsync(collegue, Scenario("Du collègue"))).GetProperty("id").GetGuid();
        var grilleCollegue = await EvaluerAsync(collegue, autreScenario, "2026-10-06", classe.Ids["Nina"]);
        var periode = (await DeclarerAsync(classe.Ddftp, new
        {
            annexeId = await AnnexeAsync(factory, classe.Uai), type = "pfmp", debut = Jour(20), fin = Jour(40),
            apprenants = new[] { classe.Ids["Lea"], classe.Ids["Hugo"] }, referents = new[] { classe.CompteId(classe.Professeur) },
        })).GetProperty("id").GetGuid();
        const string email = "tuteur.accueil@example.org";
        (await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{periode}/apprenants/{classe.Ids["Lea"]}", Fiche(email))).EnsureSuccessStatusCode();
        using var tuteur = await TuteurAsync(factory, email);
        var ailleurs = await Classe.CreerAsync(factory);
        using var professeurAilleurs = await Classe.ClientAsync(factory, ailleurs.Professeur);

        var accueilProfesseur = await PageAsync(professeur, "/");
        Assert.Contains("Vos dernières grilles de positionnement", accueilProfesseur, StringComparison.Ordinal);
        Assert.Contains($"href=\"/scenarios/evaluations/{grille}\"", accueilProfesseur, StringComparison.Ordinal);
        Assert.Contains("évaluation du 05/10/2026", accueilProfesseur, StringComparison.Ordinal);
        Assert.DoesNotContain(grilleCollegue.ToString(), accueilProfesseur, StringComparison.Ordinal);
        Assert.Contains("Les apprenants de vos périodes en entreprise", accueilProfesseur, StringComparison.Ordinal);
        Assert.Contains("Lea MARTIN", accueilProfesseur, StringComparison.Ordinal);
        Assert.Contains("Hugo PETIT", accueilProfesseur, StringComparison.Ordinal);
        Assert.DoesNotContain("Ines DURAND", accueilProfesseur, StringComparison.Ordinal);
        Assert.Contains("chez Élec Services", accueilProfesseur, StringComparison.Ordinal);

        var accueilCollegue = await PageAsync(collegue, "/");
        Assert.Contains($"href=\"/scenarios/evaluations/{grilleCollegue}\"", accueilCollegue, StringComparison.Ordinal);
        Assert.DoesNotContain(grille.ToString(), accueilCollegue, StringComparison.Ordinal);
        Assert.Contains("Vous ne suivez aucune période en entreprise en cours ou à venir.", accueilCollegue, StringComparison.Ordinal);

        var accueilAilleurs = await PageAsync(professeurAilleurs, "/");
        Assert.DoesNotContain(grille.ToString(), accueilAilleurs, StringComparison.Ordinal);
        Assert.DoesNotContain("Lea MARTIN", accueilAilleurs, StringComparison.Ordinal);
        Assert.Contains("Vous n'avez pas encore créé de grille", accueilAilleurs, StringComparison.Ordinal);

        using var lea = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);
        var accueilLea = await PageAsync(lea, "/");
        Assert.Contains("Vos derniers positionnements", accueilLea, StringComparison.Ordinal);
        Assert.Contains("Câbler un tableau", accueilLea, StringComparison.Ordinal);
        Assert.Contains("le 05/10/2026, par Alessandro VOLTA : 1 positionnement(s)", accueilLea, StringComparison.Ordinal);
        Assert.Contains($"href=\"/suivi/{classe.Ids["Lea"]}\"", accueilLea, StringComparison.Ordinal);
        Assert.DoesNotContain("Du collègue", accueilLea, StringComparison.Ordinal);
        Assert.Contains("Votre prochaine période en entreprise", accueilLea, StringComparison.Ordinal);
        Assert.Contains($"href=\"/periodes/entreprise/{periode}\"", accueilLea, StringComparison.Ordinal);
        Assert.Contains("(dans 20 jour(s)), chez Élec Services, tuteur : Claire DUPONT", accueilLea, StringComparison.Ordinal);
        Assert.DoesNotContain("Hugo PETIT", accueilLea, StringComparison.Ordinal);

        using var hugo = await Classe.ClientAsync(factory, classe.Apprenants["Hugo"]);
        var accueilHugo = await PageAsync(hugo, "/");
        Assert.Contains("Aucun enseignant ne vous a encore positionné.", accueilHugo, StringComparison.Ordinal);
        Assert.Contains("entreprise pas encore renseignée", accueilHugo, StringComparison.Ordinal);
        using var ines = await Classe.ClientAsync(factory, classe.Apprenants["Ines"]);
        Assert.Contains("Aucune période en entreprise en cours ou à venir pour vous.", await PageAsync(ines, "/"), StringComparison.Ordinal);

        var accueilTuteur = await PageAsync(tuteur, "/");
        Assert.Contains("Les apprenants que vous accueillez", accueilTuteur, StringComparison.Ordinal);
        Assert.Contains("Lea MARTIN", accueilTuteur, StringComparison.Ordinal);
        Assert.Contains("PFMP 1 — Câblage", accueilTuteur, StringComparison.Ordinal);
        Assert.DoesNotContain("Hugo PETIT", accueilTuteur, StringComparison.Ordinal);
        Assert.DoesNotContain("Vos dernières grilles", accueilTuteur, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ddftp_and_head_see_the_set_up_steps_still_open_and_the_periods_missing_a_company_of_their_establishment_only()
    {
        var classe = await Classe.CreerAsync(factory);
        using var chef = await factory.ClientAsync(await factory.CreerUtilisateurAsync(classe.Uai, Profils.ChefEtablissement));
        var periode = (await DeclarerAsync(classe.Ddftp, new
        {
            annexeId = await AnnexeAsync(factory, classe.Uai, "PFMP à compléter"), type = "pfmp", debut = Jour(-3), fin = Jour(10),
            apprenants = new[] { classe.Ids["Lea"], classe.Ids["Hugo"] },
        })).GetProperty("id").GetGuid();
        (await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{periode}/apprenants/{classe.Ids["Lea"]}", Fiche("tuteur.alerte@example.org")))
            .EnsureSuccessStatusCode();
        var autre = await factory.CreerEtablissementAsync();
        using var ddftpAilleurs = await factory.ClientAsync(await factory.CreerUtilisateurAsync(autre, Profils.Ddftp));
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);

        foreach (var client in new[] { classe.Ddftp, chef })
        {
            var accueil = await PageAsync(client, "/");
            Assert.Contains("Mise en place de l'année", accueil, StringComparison.Ordinal);
            Assert.Contains("Saisie des dates des périodes officielles", accueil, StringComparison.Ordinal);
            Assert.DoesNotContain(">Abonnement<", accueil, StringComparison.Ordinal);
            Assert.Contains("href=\"/bilans/console\"", accueil, StringComparison.Ordinal);
            Assert.Contains("Périodes en entreprise à compléter", accueil, StringComparison.Ordinal);
            Assert.Contains($"href=\"/periodes/entreprise/{periode}\"", accueil, StringComparison.Ordinal);
            Assert.Contains(": 1 apprenant(s) sans entreprise ou sans tuteur", accueil, StringComparison.Ordinal);
        }
        var accueilAilleurs = await PageAsync(ddftpAilleurs, "/");
        Assert.Contains(">Abonnement<", accueilAilleurs, StringComparison.Ordinal);
        Assert.DoesNotContain("PFMP à compléter", accueilAilleurs, StringComparison.Ordinal);
        Assert.Contains("Chaque apprenant des périodes en cours ou à venir a son entreprise et son tuteur.", accueilAilleurs, StringComparison.Ordinal);
        Assert.DoesNotContain("Mise en place de l'année", await PageAsync(professeur, "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrators_see_the_last_import_and_the_temporary_passwords_the_platform_administrator_the_establishments()
    {
        var uai = await factory.CreerEtablissementAsync();
        var login = await factory.CreerUtilisateurAsync(uai, Profils.Administrateur);
        using var administrateur = await factory.ClientAsync(login);
        var import = await administrateur.PostAsync($"/api/etablissements/{uai}/imports", Formulaire(("ElevesSansAdresses.xml", Octets(Eleves(uai,
            [new Eleve("1", "120000001AA", "ROUX", "Jade", "2MELEC1"), new Eleve("2", "120000002AA", "BLANC", "Noah", "2MELEC1")])))));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var autre = await factory.CreerEtablissementAsync();
        using var administrateurAilleurs = await factory.ClientAsync(await factory.CreerUtilisateurAsync(autre, Profils.Administrateur));
        using var inspecteur = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Inspecteur));
        using var plateforme = await factory.AdminClientAsync();

        var accueil = await PageAsync(administrateur, "/");
        Assert.Contains("Dernier import SIECLE / STS-web", accueil, StringComparison.Ordinal);
        Assert.Contains($", par {login}", accueil, StringComparison.Ordinal);
        Assert.Contains("Apprenants : créés 2", accueil, StringComparison.Ordinal);
        Assert.Contains("2 compte(s) encore sur leur mot de passe provisoire", accueil, StringComparison.Ordinal);
        Assert.Contains("href=\"/administration/acces\"", accueil, StringComparison.Ordinal);

        var ailleurs = await PageAsync(administrateurAilleurs, "/");
        Assert.Contains("Aucun import pour l'instant", ailleurs, StringComparison.Ordinal);
        Assert.Contains("Chaque compte actif a choisi son mot de passe.", ailleurs, StringComparison.Ordinal);
        Assert.DoesNotContain("Apprenants : créés", ailleurs, StringComparison.Ordinal);

        var accueilInspecteur = await PageAsync(inspecteur, "/");
        Assert.Contains("Votre accès d'inspecteur", accueilInspecteur, StringComparison.Ordinal);
        Assert.Contains($"Lycée {uai} ({uai})", accueilInspecteur, StringComparison.Ordinal);
        Assert.Contains("n'autorise pas encore", accueilInspecteur, StringComparison.Ordinal);
        Assert.DoesNotContain("Dernier import", accueilInspecteur, StringComparison.Ordinal);

        var accueilPlateforme = await PageAsync(plateforme, "/");
        Assert.Contains("Établissements de la plateforme", accueilPlateforme, StringComparison.Ordinal);
        Assert.Matches(@"\d+ établissement\(s\) ouvert\(s\)", accueilPlateforme);
        Assert.DoesNotContain("Dernier import", accueilPlateforme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_module_switched_off_takes_its_cards_away()
    {
        var classe = await Classe.CreerAsync(factory);
        foreach (var module in new[] { "periodes", "bilans" })
        {
            (await classe.Admin.PutAsJsonAsync($"/api/etablissements/{classe.Uai}/modules/{module}", new { actif = false })).EnsureSuccessStatusCode();
        }

        var accueil = await PageAsync(classe.Ddftp, "/");

        Assert.DoesNotContain("Mise en place de l'année", accueil, StringComparison.Ordinal);
        Assert.Contains("Rien ne vous attend pour l'instant", accueil, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_profile_has_only_the_menu_entries_it_can_use_and_no_module_still_to_come()
    {
        var uai = await factory.CreerEtablissementAsync();
        string[] aVenir = ["/transferts", "/certification"];
        var menus = new Dictionary<string, string>();
        foreach (var profil in Profils.Etablissement)
        {
            using var client = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, profil));
            menus[profil] = Navigation(await PageAsync(client, "/"));
        }
        using (var plateforme = await factory.AdminClientAsync())
        {
            menus[Profils.AdministrateurPlateforme] = Navigation(await PageAsync(plateforme, "/"));
        }

        foreach (var (profil, menu) in menus)
        {
            Assert.Contains("href=\"/\"", menu, StringComparison.Ordinal);
            foreach (var lien in aVenir)
            {
                Assert.False(menu.Contains($"href=\"{lien}\"", StringComparison.Ordinal), $"{profil} : {lien} dans le menu.");
            }
        }
        foreach (var profil in new[] { Profils.Tuteur, Profils.MaitreApprentissage })
        {
            Assert.Contains("href=\"/periodes/entreprise\"", menus[profil], StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/referentiels\"", menus[profil], StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/suivi\"", menus[profil], StringComparison.Ordinal);
        }
        Assert.Contains("href=\"/suivi\"", menus[Profils.Eleve], StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/scenarios\"", menus[Profils.Eleve], StringComparison.Ordinal);
        Assert.Contains("href=\"/referentiels\"", menus[Profils.Enseignant], StringComparison.Ordinal);
        Assert.Contains("href=\"/bilans/console\"", menus[Profils.Ddftp], StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/bilans/console\"", menus[Profils.Enseignant], StringComparison.Ordinal);
        Assert.Contains("href=\"/bilans\"", menus[Profils.Eleve], StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/bilans\"", menus[Profils.Administrateur], StringComparison.Ordinal);
        Assert.Contains("href=\"/periodes/officielles\"", menus[Profils.Inspecteur], StringComparison.Ordinal);
        Assert.Contains("href=\"/administration/acces\"", menus[Profils.Administrateur], StringComparison.Ordinal);
        foreach (var profil in new[] { Profils.Eleve, Profils.Tuteur, Profils.Enseignant, Profils.Ddftp })
        {
            Assert.Contains("href=\"/portfolio\"", menus[profil], StringComparison.Ordinal);
        }
        Assert.DoesNotContain("href=\"/portfolio\"", menus[Profils.Administrateur], StringComparison.Ordinal);
        // The book: for the DDFTP and the head, who turn it on; for learners and teachers only once it is on.
        Assert.Contains("href=\"/book\"", menus[Profils.Ddftp], StringComparison.Ordinal);
        Assert.Contains("href=\"/book\"", menus[Profils.ChefEtablissement], StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/book\"", menus[Profils.Eleve], StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/book\"", menus[Profils.Enseignant], StringComparison.Ordinal);

        // Still reachable by their address, saying honestly what they are; the catalogue lists them with their status.
        using var administrateur = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        Assert.Contains("Fonctionnalités à venir", await PageAsync(administrateur, "/transferts"), StringComparison.Ordinal);
        Assert.Contains("Transferts <small>(fonctionnalités à venir)</small>", await PageAsync(administrateur, "/administration/modules"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_keeps_the_menu_and_the_favicon_is_served()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var enseignant = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Enseignant));

        var introuvable = await enseignant.GetAsync("/nulle-part");
        var page = WebUtility.HtmlDecode(await introuvable.Content.ReadAsStringAsync());
        var favicon = await enseignant.GetAsync("/favicon.svg");

        Assert.Equal(HttpStatusCode.NotFound, introuvable.StatusCode);
        Assert.Contains("<h1>Page introuvable</h1>", page, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Navigation principale\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/scenarios\"", Navigation(page), StringComparison.Ordinal);
        Assert.Contains("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);
        Assert.Equal("image/svg+xml", favicon.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg", await favicon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The page as read, entities decoded (the renderer encodes apostrophes).</summary>
    private static async Task<string> PageAsync(HttpClient client, string adresse) => WebUtility.HtmlDecode(await client.GetStringAsync(adresse));

    private static string Jour(int dans) => Aujourdhui.AddDays(dans).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<Guid> EvaluerAsync(HttpClient enseignant, Guid scenario, string date, params Guid[] apprenants)
    {
        var reponse = await enseignant.PostAsJsonAsync($"/api/scenarios/{scenario}/evaluations", new { date, apprenants = apprenants.Length == 0 ? null : apprenants });
        Assert.True(reponse.StatusCode == HttpStatusCode.Created, await reponse.Content.ReadAsStringAsync());
        return (await reponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The main navigation's markup.</summary>
    private static string Navigation(string page)
    {
        var debut = page.IndexOf("aria-label=\"Navigation principale\"", StringComparison.Ordinal);
        Assert.True(debut >= 0, "Pas de navigation principale.");
        return page[debut..page.IndexOf("</nav>", debut, StringComparison.Ordinal)];
    }
}
