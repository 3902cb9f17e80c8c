using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using static Cpro.IntegrationTests.Periodes.EntrepriseDonnees;

namespace Cpro.IntegrationTests.Periodes;

[Collection(CproCollection.Name)]
public sealed class EntreprisePeriodesTests(CproFactory factory)
{
    [Fact]
    public async Task The_declaration_form_offers_the_pfmp_slots_of_the_official_periods_and_prefills_their_dates()
    {
        var classe = await Classe.CreerAsync(factory);
        var annexe = await AnnexeAsync(factory, classe.Uai);
        var annee = Cpro.Periodes.Domain.AnneeScolaire.Courante(TimeProvider.System);
        (await OfficiellesTests.EnregistrerAsync(classe.Ddftp, "SECONDE", OfficiellesTests.Calendrier(annee), annee)).EnsureSuccessStatusCode();
        var url = $"/periodes/entreprise/nouvelle?annexe={annexe}&type=pfmp";

        var formulaire = WebUtility.HtmlDecode(await classe.Ddftp.GetStringAsync(url));
        Obligatoires.AssertMarques(formulaire, "Date de début", "Date de fin");
        Assert.Matches("<legend>Apprenants \\(\\d+\\) <span class=\"champ-obligatoire\"", formulaire);
        Assert.Contains("— Métiers de l’Électricité et de ses Environnements Connectés, Seconde (toutes ses classes).", formulaire, StringComparison.Ordinal);

        var creneau = System.Text.RegularExpressions.Regex.Match(formulaire, "name=\"selection\" value=\"(creneau:[^\"]+)\"[^>]*>PFMP 1 \\(du 04/01/");
        Assert.True(creneau.Success, "Le créneau PFMP 1 n'est pas proposé.");
        Assert.Contains($">PFMP 2 (du 03/05/{annee + 1} au 28/05/{annee + 1})</button>", formulaire, StringComparison.Ordinal);
        var jeton = System.Text.RegularExpressions.Regex.Match(formulaire, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var reponse = await classe.Ddftp.PostAsync(url, new FormUrlEncodedContent(
        [
            new("_handler", "periode"), new("__RequestVerificationToken", jeton), new("titre", "Ma PFMP"), new("debut", ""), new("fin", ""),
            new("selection", creneau.Groups[1].Value),
        ]));
        var page = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
        Assert.Contains($"name=\"debut\" value=\"{annee + 1}-01-04\"", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"fin\" value=\"{annee + 1}-01-29\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Ma PFMP\"", page, StringComparison.Ordinal);
        Assert.Empty((await classe.Ddftp.GetFromJsonAsync<JsonElement[]>("/api/periodes/entreprise"))!);
    }

    [Fact]
    public async Task A_pfmp_holds_the_pupils_of_every_class_of_the_level_and_copies_the_annex_which_its_edits_leave_alone()
    {
        var classe = await Classe.CreerAsync(factory);
        await ApprentiAsync(factory, classe.Ids["Theo"]);
        var annexe = await AnnexeAsync(factory, classe.Uai);

        var candidats = (await classe.Ddftp.GetFromJsonAsync<JsonElement[]>($"/api/periodes/entreprise/apprenants?annexeId={annexe}"))!;
        Assert.Equal(["Hugo", "Ines", "Lea", "Nina"], candidats.Select(a => a.GetProperty("prenom").GetString()).Order());

        var periode = await DeclarerAsync(classe.Ddftp, new { annexeId = annexe, type = "pfmp", debut = "2027-01-04", fin = "2027-01-29" });
        Assert.Equal("PFMP 1 — Câblage", periode.GetProperty("titre").GetString());
        Assert.Equal("pfmp", periode.GetProperty("type").GetString());
        Assert.Equal("SECONDE", periode.GetProperty("niveauClasse").GetString());
        Assert.Equal("Découvrir un chantier de rénovation.", periode.GetProperty("objectifs").GetString());
        Assert.Equal(TachesAnnexe, periode.GetProperty("taches").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["Hugo", "Ines", "Lea", "Nina"], Prenoms(periode));
        Assert.Equal(0, periode.GetProperty("fichesRenseignees").GetInt32());

        var adaptee = await DeclarerAsync(classe.Ddftp, new
        {
            annexeId = annexe, type = "pfmp", titre = "PFMP 1 — parcours adapté", debut = "2027-03-01", fin = "2027-03-12",
            objectifs = "Objectifs adaptés.", taches = new[] { "T1.1" }, apprenants = new[] { classe.Ids["Lea"], classe.Ids["Nina"] },
        });
        Assert.Equal("PFMP 1 — parcours adapté", adaptee.GetProperty("titre").GetString());
        Assert.Equal(["T1.1"], adaptee.GetProperty("taches").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["Lea", "Nina"], Prenoms(adaptee));
        var id = adaptee.GetProperty("id").GetGuid();
        var modifiee = await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{id}", new
        {
            version = adaptee.GetProperty("version").GetUInt32(), titre = "PFMP 1 — parcours adapté", debut = "2027-03-01", fin = "2027-03-19",
            objectifs = "Objectifs précisés.", taches = new[] { "T1.1", "T1.2" },
        });
        Assert.Equal(HttpStatusCode.OK, modifiee.StatusCode);
        var lue = await classe.Ddftp.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{id}");
        Assert.Equal("2027-03-19", lue.GetProperty("fin").GetString());
        Assert.Equal(["T1.1", "T1.2"], lue.GetProperty("taches").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["Lea", "Nina"], Prenoms(lue));

        var intacte = await LireAnnexeAsync(factory, annexe);
        Assert.Equal(TachesAnnexe, intacte.Taches);
        Assert.Equal("Découvrir un chantier de rénovation.", intacte.Objectifs);
        Assert.Equal(2, (await classe.Ddftp.GetFromJsonAsync<JsonElement[]>("/api/periodes/entreprise"))!.Length);
    }

    [Fact]
    public async Task A_pfmp_is_for_pupils_a_periode_employeur_for_apprentices_each_from_its_kind_of_annex_and_of_its_level()
    {
        var classe = await Classe.CreerAsync(factory);
        await ApprentiAsync(factory, classe.Ids["Theo"]);
        var scolaire = await AnnexeAsync(factory, classe.Uai);
        var apprentis = await AnnexeAsync(factory, classe.Uai, "Période employeur 1", pourApprentis: true);
        object Corps(Guid annexe, string type, Guid[]? apprenants = null, string[]? taches = null, Guid[]? referents = null) => new
        {
            annexeId = annexe, type, debut = "2027-01-04", fin = "2027-01-29", apprenants, taches, referents,
        };
        async Task<string> RefusAsync(object corps) =>
            (await (await classe.Ddftp.PostAsJsonAsync("/api/periodes/entreprise", corps)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("detail").GetString()!;

        Assert.Equal("L'annexe « PFMP 1 — Câblage » est destinée aux élèves : déclarez une PFMP.", await RefusAsync(Corps(scolaire, "periodeEmployeur")));
        Assert.Equal("L'annexe « Période employeur 1 » est destinée aux apprentis : déclarez une période employeur.", await RefusAsync(Corps(apprentis, "pfmp")));
        Assert.Contains("apprenti(s) : Theo MOREAU", await RefusAsync(Corps(scolaire, "pfmp", [classe.Ids["Lea"], classe.Ids["Theo"]])), StringComparison.Ordinal);
        Assert.Contains("élève(s) : Lea MARTIN", await RefusAsync(Corps(apprentis, "periodeEmployeur", [classe.Ids["Lea"]])), StringComparison.Ordinal);
        Assert.Equal("1 apprenant(s) choisi(s) ne sont pas du niveau Seconde de ce diplôme.", await RefusAsync(Corps(scolaire, "pfmp", [classe.Ids["Lea"], classe.Ids["Zoe"]])));
        Assert.Equal("Choisissez au moins un apprenant.", await RefusAsync(Corps(scolaire, "pfmp", [])));
        Assert.Equal("Tâche(s) inconnue(s) du référentiel BACPRO-MELEC : T9.9.", await RefusAsync(Corps(scolaire, "pfmp", taches: ["T2.1", "T9.9"])));
        Assert.Equal("1 référent(s) choisi(s) ne sont pas des enseignants de l'établissement.", await RefusAsync(Corps(scolaire, "pfmp", referents: [classe.Ids["Lea"]])));
        var premiere = await AnnexeAsync(factory, classe.Uai, "Annexe de Première apprentis", pourApprentis: true, niveau: "PREMIERE");
        Assert.Equal("Aucun apprenti au niveau Première de ce diplôme.", await RefusAsync(Corps(premiere, "periodeEmployeur")));

        var employeur = await DeclarerAsync(classe.Ddftp, Corps(apprentis, "periodeEmployeur"));
        Assert.Equal("periodeEmployeur", employeur.GetProperty("type").GetString());
        Assert.Equal(["Theo"], Prenoms(employeur));
        Assert.Equal(["Theo"], (await classe.Ddftp.GetFromJsonAsync<JsonElement[]>($"/api/periodes/entreprise/apprenants?annexeId={apprentis}"))!
            .Select(a => a.GetProperty("prenom").GetString()));
        await (await classe.Ddftp.GetAsync($"/api/periodes/entreprise/apprenants?annexeId={Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Dates_and_type_are_required_and_the_end_does_not_precede_the_start()
    {
        var classe = await Classe.CreerAsync(factory);
        var annexe = await AnnexeAsync(factory, classe.Uai);

        var sansDates = await classe.Ddftp.PostAsJsonAsync("/api/periodes/entreprise", new { annexeId = annexe, type = "pfmp" });
        var probleme = await sansDates.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["La date de début est obligatoire."], probleme.Errors("debut"));
        Assert.Equal(["La date de fin est obligatoire."], probleme.Errors("fin"));
        var inversees = await classe.Ddftp.PostAsJsonAsync("/api/periodes/entreprise", new { annexeId = annexe, type = "stage", debut = "2027-02-01", fin = "2027-01-29" });
        var inversion = await inversees.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["La date de fin ne peut précéder la date de début."], inversion.Errors("fin"));
        Assert.Equal(["Choisissez le type de période : PFMP ou période employeur."], inversion.Errors("type"));
        var unJour = await DeclarerAsync(classe.Ddftp, new { annexeId = annexe, type = "pfmp", debut = "2027-02-01", fin = "2027-02-01" });
        Assert.Equal("2027-02-01", unJour.GetProperty("fin").GetString());
    }

    [Fact]
    public async Task A_period_overlapping_another_for_a_shared_learner_is_refused_naming_the_conflict_on_declaring_and_on_editing()
    {
        var classe = await Classe.CreerAsync(factory);
        var annexe = await AnnexeAsync(factory, classe.Uai, "PFMP 1");
        var lea = classe.Ids["Lea"];
        var premiere = await DeclarerAsync(classe.Ddftp, new { annexeId = annexe, type = "pfmp", debut = "2027-01-04", fin = "2027-01-29", apprenants = new[] { lea, classe.Ids["Hugo"] } });

        var chevauche = await classe.Ddftp.PostAsJsonAsync("/api/periodes/entreprise", new
        {
            annexeId = annexe, type = "pfmp", titre = "PFMP 2", debut = "2027-01-25", fin = "2027-02-05", apprenants = new[] { lea, classe.Ids["Nina"] },
        });
        Assert.Equal("Lea MARTIN est déjà en PFMP « PFMP 1 » du 04/01/2027 au 29/01/2027.",
            (await chevauche.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var tous = await classe.Ddftp.PostAsJsonAsync("/api/periodes/entreprise", new { annexeId = annexe, type = "pfmp", titre = "PFMP 2", debut = "2027-01-29", fin = "2027-02-05" });
        var detail = (await tous.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!;
        Assert.Contains("Hugo PETIT est déjà en PFMP « PFMP 1 »", detail, StringComparison.Ordinal);
        Assert.Contains("Lea MARTIN est déjà en PFMP « PFMP 1 »", detail, StringComparison.Ordinal);

        await DeclarerAsync(classe.Ddftp, new { annexeId = annexe, type = "pfmp", titre = "PFMP 2", debut = "2027-01-25", fin = "2027-02-05", apprenants = new[] { classe.Ids["Nina"] } });
        var suivante = await DeclarerAsync(classe.Ddftp, new { annexeId = annexe, type = "pfmp", titre = "PFMP 3", debut = "2027-01-30", fin = "2027-02-12", apprenants = new[] { lea } });

        var prolongee = await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{premiere.GetProperty("id").GetGuid()}", new
        {
            version = premiere.GetProperty("version").GetUInt32(), titre = "PFMP 1", debut = "2027-01-04", fin = "2027-02-01",
        });
        Assert.Equal("Lea MARTIN est déjà en PFMP « PFMP 3 » du 30/01/2027 au 12/02/2027.",
            (await prolongee.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var sansLea = await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{premiere.GetProperty("id").GetGuid()}", new
        {
            version = premiere.GetProperty("version").GetUInt32(), titre = "PFMP 1", debut = "2027-01-04", fin = "2027-02-01", apprenants = new[] { classe.Ids["Hugo"] },
        });
        Assert.Equal(["Hugo"], Prenoms(await sansLea.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.OK, (await classe.Ddftp.GetAsync($"/api/periodes/entreprise/{suivante.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task An_edit_from_a_stale_version_gets_409_and_taking_off_a_filled_learner_needs_the_count_confirmed()
    {
        var classe = await Classe.CreerAsync(factory);
        var annexe = await AnnexeAsync(factory, classe.Uai);
        var periode = await DeclarerAsync(classe.Ddftp, new { annexeId = annexe, type = "pfmp", debut = "2027-01-04", fin = "2027-01-29", apprenants = new[] { classe.Ids["Lea"], classe.Ids["Hugo"] } });
        var id = periode.GetProperty("id").GetGuid();
        var lue = periode.GetProperty("version").GetUInt32();

        var premiere = await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{id}", new { version = lue, titre = "PFMP 1 (janvier)", debut = "2027-01-04", fin = "2027-01-29" });
        Assert.Equal(HttpStatusCode.OK, premiere.StatusCode);
        var perimee = await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{id}", new { version = lue, titre = "Autre titre", debut = "2027-01-04", fin = "2027-01-29" });
        Assert.Contains("a été modifiée depuis que vous l'avez ouverte", (await perimee.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var sansTitre = await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{id}", new { version = lue, titre = "", debut = "2027-01-04", fin = "2027-01-29" });
        Assert.Equal(["Le titre est obligatoire."], (await sansTitre.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("titre"));

        (await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{id}/apprenants/{classe.Ids["Hugo"]}", Fiche($"tuteur.{Guid.NewGuid():N}@example.org"))).EnsureSuccessStatusCode();
        var actuelle = (await premiere.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetUInt32();
        object sansHugo = new { version = actuelle, titre = "PFMP 1 (janvier)", debut = "2027-01-04", fin = "2027-01-29", apprenants = new[] { classe.Ids["Lea"] } };
        var sansConfirmation = await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{id}", sansHugo);
        Assert.StartsWith("Seront supprimés avec les apprenants retirés de la période : 1 fiche(s) renseignée(s),", (await sansConfirmation.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var confirmee = await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{id}?confirmation=1", sansHugo);
        Assert.Equal(["Lea"], Prenoms(await confirmee.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task Deleting_a_period_states_how_many_filled_entries_go_and_takes_them_with_it_once_confirmed()
    {
        var classe = await Classe.CreerAsync(factory);
        var annexe = await AnnexeAsync(factory, classe.Uai);
        var periode = await DeclarerAsync(classe.Ddftp, new { annexeId = annexe, type = "pfmp", debut = "2027-01-04", fin = "2027-01-29" });
        var id = periode.GetProperty("id").GetGuid();
        var email = $"tuteur.{Guid.NewGuid():N}@example.org";
        (await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{id}/apprenants/{classe.Ids["Lea"]}", Fiche(email))).EnsureSuccessStatusCode();
        (await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{id}/apprenants/{classe.Ids["Hugo"]}", Fiche(email))).EnsureSuccessStatusCode();
        Assert.Equal(2, (await classe.Ddftp.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{id}")).GetProperty("fichesRenseignees").GetInt32());

        foreach (var url in new[] { $"/api/periodes/entreprise/{id}", $"/api/periodes/entreprise/{id}?confirmation=1" })
        {
            var refus = await classe.Ddftp.DeleteAsync(url);
            Assert.Equal("Seront supprimés avec la période « PFMP 1 — Câblage » : 2 fiche(s) renseignée(s), 0 fiche(s) activités, 0 entrée(s) du journal de bord, "
                         + "0 bilan(s) en entreprise. Confirmez la suppression (confirmation=2).",
                (await refus.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        }
        Assert.Equal(5, await AffectationsAsync(factory, id));
        Assert.Equal(HttpStatusCode.NoContent, (await classe.Ddftp.DeleteAsync($"/api/periodes/entreprise/{id}?confirmation=2")).StatusCode);
        Assert.Equal(0, await AffectationsAsync(factory, id));
        await (await classe.Ddftp.GetAsync($"/api/periodes/entreprise/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var vide = await DeclarerAsync(classe.Ddftp, new { annexeId = annexe, type = "pfmp", debut = "2027-01-04", fin = "2027-01-29" });
        Assert.Equal(HttpStatusCode.NoContent, (await classe.Ddftp.DeleteAsync($"/api/periodes/entreprise/{vide.GetProperty("id").GetGuid()}?confirmation=0")).StatusCode);
    }
}
