using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Kernel.Identity;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Periodes;

[Collection(CproCollection.Name)]
public sealed partial class OfficiellesTests(CproFactory factory)
{
    private const int Annee = 2026;

    internal static object Periode(string type, string libelle, string debut, string? fin = null) => new { type, libelle, debut, fin = fin ?? debut };

    /// <summary>A Seconde as the guide describes it: three trimesters, PFMP 1 and 2, a certification deadline.</summary>
    internal static object[] Calendrier(int annee) =>
    [
        Periode("trimestre", "Trimestre 1", $"{annee}-09-01", $"{annee}-11-30"),
        Periode("trimestre", "Trimestre 2", $"{annee}-12-01", $"{annee + 1}-02-28"),
        Periode("trimestre", "Trimestre 3", $"{annee + 1}-03-01", $"{annee + 1}-07-04"),
        Periode("pfmp", "PFMP 1", $"{annee + 1}-01-04", $"{annee + 1}-01-29"),
        Periode("pfmp", "PFMP 2", $"{annee + 1}-05-03", $"{annee + 1}-05-28"),
        Periode("echeanceCertification", "Date limite CCF U31", $"{annee + 1}-05-15"),
    ];

    internal static Task<HttpResponseMessage> EnregistrerAsync(HttpClient client, string niveau, IEnumerable<object> periodes, int? annee = Annee,
        string referentiel = Classe.Referentiel, string? version = null) =>
        client.PutAsJsonAsync($"/api/periodes/officielles/{referentiel}/{niveau}{(annee is null ? "" : $"?annee={annee}")}", new { version, periodes });

    private static readonly object[] Semestres =
        [Periode("semestre", "Semestre 1", "2026-09-01", "2027-01-31"), Periode("semestre", "Semestre 2", "2027-02-01", "2027-07-04")];

    /// <summary>A level's set as read before editing it: { version, periodes }.</summary>
    private static async Task<JsonElement> LireNiveauAsync(HttpClient client, string niveau = "SECONDE") =>
        await client.GetFromJsonAsync<JsonElement>($"/api/periodes/officielles/{Classe.Referentiel}/{niveau}?annee={Annee}");

    private static string Version(JsonElement jeu) => jeu.GetProperty("version").GetString()!;

    private static JsonElement[] Periodes(JsonElement jeu) => [.. jeu.GetProperty("periodes").EnumerateArray()];

    /// <summary>The 409's message, naming who saved the set as stored and when.</summary>
    private static string ModifieesDepuis(JsonElement stocke)
    {
        var periode = Periodes(stocke)[0];
        var le = periode.GetProperty("modifieLe").GetDateTimeOffset().ToLocalTime();
        return string.Create(CultureInfo.InvariantCulture, $"Les périodes officielles de ce niveau ont été modifiées par {periode.GetProperty("modifiePar").GetString()} "
            + $"le {le:dd/MM/yyyy à HH:mm} depuis votre lecture : rechargez la page pour voir leur état actuel, puis recommencez.");
    }

    private static async Task<JsonElement[]> LireAsync(HttpClient client, string niveau = "SECONDE", int annee = Annee) =>
        (await client.GetFromJsonAsync<JsonElement[]>($"/api/periodes/officielles?annee={annee}&referentiel={Classe.Referentiel}&niveau={niveau}"))!;

    private static string[] Libelles(JsonElement[] periodes) => [.. periodes.Select(p => p.GetProperty("libelle").GetString()!)];

    [Fact]
    public async Task The_ddftp_sets_a_levels_periods_which_every_user_of_the_establishment_reads_in_date_order()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);

        var reponse = await EnregistrerAsync(classe.Ddftp, "SECONDE", Calendrier(Annee));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        foreach (var lecteur in new[] { classe.Ddftp, professeur, eleve })
        {
            var periodes = await LireAsync(lecteur);
            Assert.Equal(["Trimestre 1", "Trimestre 2", "PFMP 1", "Trimestre 3", "PFMP 2", "Date limite CCF U31"], Libelles(periodes));
        }
        var echeance = (await LireAsync(professeur)).Single(p => p.GetProperty("type").GetString() == "echeanceCertification");
        Assert.Equal("2027-05-15", echeance.GetProperty("debut").GetString());
        Assert.Equal("2027-05-15", echeance.GetProperty("fin").GetString());
        Assert.Equal(Annee, echeance.GetProperty("anneeScolaire").GetInt32());
        Assert.Empty(await LireAsync(professeur, "PREMIERE"));
        Assert.Empty(await LireAsync(professeur, annee: Annee + 1));
    }

    [Fact]
    public async Task Saving_replaces_the_whole_set_and_a_bad_set_leaves_the_previous_one()
    {
        var classe = await Classe.CreerAsync(factory);
        (await EnregistrerAsync(classe.Ddftp, "SECONDE", Calendrier(Annee))).EnsureSuccessStatusCode();

        var semestres = new[]
        {
            Periode("semestre", "Semestre 1", "2026-09-01", "2027-01-31"), Periode("semestre", "Semestre 2", "2027-02-01", "2027-07-04"),
        };
        (await EnregistrerAsync(classe.Ddftp, "SECONDE", semestres)).EnsureSuccessStatusCode();
        Assert.Equal(["Semestre 1", "Semestre 2"], Libelles(await LireAsync(classe.Ddftp)));

        var chevauchement = new[] { semestres[0], Periode("semestre", "Semestre bis", "2027-01-15", "2027-06-30") };
        await (await EnregistrerAsync(classe.Ddftp, "SECONDE", chevauchement)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var sansLibelle = new[] { Periode("trimestre", "", "2026-09-01", "2026-11-30") };
        await (await EnregistrerAsync(classe.Ddftp, "SECONDE", sansLibelle)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Semestre 1", "Semestre 2"], Libelles(await LireAsync(classe.Ddftp)));

        (await EnregistrerAsync(classe.Ddftp, "SECONDE", [])).EnsureSuccessStatusCode();
        Assert.Empty(await LireAsync(classe.Ddftp));
    }

    [Fact]
    public async Task Without_a_year_the_current_school_year_is_meant()
    {
        var classe = await Classe.CreerAsync(factory);

        (await EnregistrerAsync(classe.Ddftp, "PREMIERE", Calendrier(AnneeCourante), annee: null)).EnsureSuccessStatusCode();

        var periodes = (await classe.Ddftp.GetFromJsonAsync<JsonElement[]>("/api/periodes/officielles?niveau=PREMIERE"))!;
        Assert.Equal(6, periodes.Length);
        Assert.All(periodes, p => Assert.Equal(AnneeCourante, p.GetProperty("anneeScolaire").GetInt32()));
        await (await EnregistrerAsync(classe.Ddftp, "PREMIERE", Calendrier(AnneeCourante + 1), annee: null)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("semaine", "Trimestre 1", "2026-09-01", "2026-11-30", "type", "Choisissez le type : trimestre, semestre, PFMP ou échéance de certification.")]
    [InlineData("trimestre", " ", "2026-09-01", "2026-11-30", "libelle", "Le libellé est obligatoire.")]
    [InlineData("trimestre", "Trimestre 1", null, "2026-11-30", "debut", "La date de début est obligatoire.")]
    [InlineData("trimestre", "Trimestre 1", "2026-09-01", null, "fin", "La date de fin est obligatoire.")]
    [InlineData("trimestre", "Trimestre 1", "2026-08-31", "2026-11-30", "debut",
        "La date de début doit être dans l'année scolaire 2026-2027 (du 01/09/2026 au 31/08/2027).")]
    [InlineData("pfmp", "PFMP 4", "2027-08-20", "2027-09-10", "fin",
        "La date de fin doit être dans l'année scolaire 2026-2027 (du 01/09/2026 au 31/08/2027).")]
    [InlineData("pfmp", "PFMP 1", "2027-01-29", "2027-01-04", "fin", "La date de fin ne peut pas précéder la date de début.")]
    [InlineData("echeanceCertification", "Date limite U2", "2027-05-15", "2027-05-16", "fin",
        "Une date limite de certification tient en un jour : la fin est égale au début.")]
    public async Task Each_bad_line_gets_a_french_message_on_its_field(string type, string libelle, string? debut, string? fin, string champ, string message)
    {
        var classe = await Classe.CreerAsync(factory);
        object[] periodes = [Periode("trimestre", "Trimestre 2", "2026-12-01", "2027-02-28"), new { type, libelle, debut, fin }];

        var probleme = await (await EnregistrerAsync(classe.Ddftp, "SECONDE", periodes)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([message], probleme.Errors($"periodes[1].{champ}"));
        Assert.Empty(await LireAsync(classe.Ddftp));
    }

    [Fact]
    public async Task Labels_are_unique_within_the_set_and_the_year_and_list_are_checked()
    {
        var classe = await Classe.CreerAsync(factory);

        var doublon = await EnregistrerAsync(classe.Ddftp, "SECONDE",
            [Periode("pfmp", "PFMP 1", "2027-01-04", "2027-01-29"), Periode("pfmp", "pfmp 1", "2027-05-03", "2027-05-28")]);
        Assert.Equal(["Le libellé « pfmp 1 » est déjà utilisé pour ce niveau."],
            (await doublon.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("periodes[1].libelle"));
        var annee = await EnregistrerAsync(classe.Ddftp, "SECONDE", [], annee: 1990);
        Assert.Equal(["L'année scolaire se donne par l'année de la rentrée (2026 pour 2026-2027)."],
            (await annee.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("annee"));
        var sansListe = await classe.Ddftp.PutAsJsonAsync($"/api/periodes/officielles/{Classe.Referentiel}/SECONDE?annee={Annee}", new { });
        Assert.Equal(["Donnez la liste des périodes (vide pour tout retirer)."], (await sansListe.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("periodes"));
    }

    [Fact]
    public async Task Sets_in_conflict_get_422_naming_the_periods()
    {
        var classe = await Classe.CreerAsync(factory);

        var melange = await EnregistrerAsync(classe.Ddftp, "SECONDE",
            [Periode("trimestre", "Trimestre 1", "2026-09-01", "2026-11-30"), Periode("semestre", "Semestre 2", "2027-02-01", "2027-07-04")]);
        Assert.Equal("Un niveau se découpe en trimestres ou en semestres, pas les deux : « Trimestre 1 » et « Semestre 2 ».",
            (await melange.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var trimestres = await EnregistrerAsync(classe.Ddftp, "SECONDE",
            [Periode("trimestre", "Trimestre 1", "2026-09-01", "2026-12-04"), Periode("trimestre", "Trimestre 2", "2026-12-04", "2027-02-28")]);
        Assert.Equal("Les périodes « Trimestre 1 » (du 01/09/2026 au 04/12/2026) et « Trimestre 2 » (du 04/12/2026 au 28/02/2027) se chevauchent.",
            (await trimestres.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var pfmp = await EnregistrerAsync(classe.Ddftp, "SECONDE",
            [Periode("pfmp", "PFMP 1", "2027-01-04", "2027-01-29"), Periode("pfmp", "PFMP 2", "2027-01-25", "2027-02-12")]);
        Assert.Equal("Les PFMP « PFMP 1 » (du 04/01/2027 au 29/01/2027) et « PFMP 2 » (du 25/01/2027 au 12/02/2027) se chevauchent.",
            (await pfmp.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var nonAbonne = await EnregistrerAsync(classe.Ddftp, "SECONDE", Calendrier(Annee), referentiel: "BACPRO-CIEL");
        Assert.Equal("L'établissement n'est pas abonné au diplôme BACPRO-CIEL.",
            (await nonAbonne.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var sansClasse = await EnregistrerAsync(classe.Ddftp, "TERMINALE", Calendrier(Annee));
        Assert.Equal("Le niveau Terminale n'a pas de classe abonnée au diplôme BACPRO-MELEC (niveaux : Seconde, Première).",
            (await sansClasse.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        Assert.Empty(await LireAsync(classe.Ddftp));
    }

    [Fact]
    public async Task Only_the_ddftp_and_the_head_edit_and_another_establishment_sees_nothing()
    {
        var classe = await Classe.CreerAsync(factory);
        var autre = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);
        using var chef = await factory.ClientAsync(await factory.CreerUtilisateurAsync(classe.Uai, Profils.ChefEtablissement));
        using var plateforme = await factory.AdminClientAsync();

        await (await EnregistrerAsync(professeur, "SECONDE", Calendrier(Annee))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await EnregistrerAsync(eleve, "SECONDE", Calendrier(Annee))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await EnregistrerAsync(classe.Admin, "SECONDE", Calendrier(Annee))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await EnregistrerAsync(chef, "SECONDE", Calendrier(Annee))).StatusCode);

        Assert.Equal(6, (await LireAsync(eleve)).Length);
        Assert.Empty(await LireAsync(autre.Ddftp));
        await (await plateforme.GetAsync($"/api/periodes/officielles?annee={Annee}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        // The other establishment's own set does not touch this one.
        (await EnregistrerAsync(autre.Ddftp, "SECONDE", [Periode("semestre", "Semestre 1", "2026-09-01", "2027-01-31")])).EnsureSuccessStatusCode();
        Assert.Equal(6, (await LireAsync(classe.Ddftp)).Length);
    }

    [Fact]
    public async Task The_page_lets_the_ddftp_edit_and_teachers_read_and_learners_are_turned_away()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);
        (await EnregistrerAsync(classe.Ddftp, "SECONDE", Calendrier(Annee))).EnsureSuccessStatusCode();
        var url = $"/periodes/officielles?referentiel={Classe.Referentiel}&niveau=SECONDE&annee={Annee}";

        var edition = await classe.Ddftp.GetStringAsync(url);
        Assert.Contains("Ajouter une ligne", edition, StringComparison.Ordinal);
        Assert.Contains("Enregistrer les périodes", edition, StringComparison.Ordinal);
        Assert.Contains("value=\"Trimestre 1\"", edition, StringComparison.Ordinal);
        Assert.Contains("Libellé, ligne 7", edition, StringComparison.Ordinal);
        Obligatoires.AssertMarques(edition, "Libellé", "Début", "Fin");

        var lecture = await professeur.GetStringAsync(url);
        Assert.DoesNotContain("Enregistrer les périodes", lecture, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">PFMP 1</th>", lecture, StringComparison.Ordinal);
        Assert.Contains("du 04/01/2027 au 29/01/2027", lecture, StringComparison.Ordinal);
        Assert.Contains("le 15/05/2027", lecture, StringComparison.Ordinal);
        Assert.Contains("Aucune période saisie", await professeur.GetStringAsync($"/periodes/officielles?referentiel={Classe.Referentiel}&niveau=PREMIERE&annee={Annee}"),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await eleve.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_save_from_a_stale_copy_gets_409_naming_who_saved_since_and_writes_nothing()
    {
        var classe = await Classe.CreerAsync(factory);
        using var chef = await factory.ClientAsync(await factory.CreerUtilisateurAsync(classe.Uai, Profils.ChefEtablissement));
        var lue = Version(await LireNiveauAsync(chef));
        (await EnregistrerAsync(classe.Ddftp, "SECONDE", Calendrier(Annee), version: lue)).EnsureSuccessStatusCode();
        var stocke = await LireNiveauAsync(chef);

        var reponse = await EnregistrerAsync(chef, "SECONDE", Semestres, version: lue);

        Assert.Equal(ModifieesDepuis(stocke), (await reponse.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(stocke.GetRawText(), (await LireNiveauAsync(chef)).GetRawText());
        // Another level is another set, with its own version.
        (await EnregistrerAsync(chef, "PREMIERE", Semestres, version: Version(await LireNiveauAsync(chef, "PREMIERE")))).EnsureSuccessStatusCode();
        Assert.Equal(stocke.GetRawText(), (await LireNiveauAsync(chef)).GetRawText());
    }

    [Fact]
    public async Task A_save_from_the_current_version_succeeds_and_answers_the_new_version()
    {
        var classe = await Classe.CreerAsync(factory);
        var vide = await LireNiveauAsync(classe.Ddftp);
        Assert.Empty(Periodes(vide));

        var premiere = await (await EnregistrerAsync(classe.Ddftp, "SECONDE", Calendrier(Annee), version: Version(vide))).Content.ReadFromJsonAsync<JsonElement>();
        // The same periods saved again are new rows: a new version all the same.
        var seconde = await (await EnregistrerAsync(classe.Ddftp, "SECONDE", Calendrier(Annee), version: Version(premiere))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["Trimestre 1", "Trimestre 2", "PFMP 1", "Trimestre 3", "PFMP 2", "Date limite CCF U31"], Libelles(Periodes(premiere)));
        Assert.Equal(3, new[] { Version(vide), Version(premiere), Version(seconde) }.Distinct().Count());
        var stocke = await LireNiveauAsync(classe.Ddftp);
        Assert.Equal(Version(seconde), Version(stocke));
        Assert.Equal(Periodes(seconde).Select(p => p.GetProperty("id").GetGuid()), Periodes(stocke).Select(p => p.GetProperty("id").GetGuid()));
        // An API client may leave the version out: the set is replaced without a check.
        (await EnregistrerAsync(classe.Ddftp, "SECONDE", [])).EnsureSuccessStatusCode();
        var retirees = await EnregistrerAsync(classe.Ddftp, "SECONDE", Semestres, version: Version(seconde));
        Assert.Equal("Les périodes officielles de ce niveau ont été retirées depuis votre lecture : rechargez la page pour voir leur état actuel, puis recommencez.",
            (await retirees.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Empty(Periodes(await LireNiveauAsync(classe.Ddftp)));
    }

    [Fact]
    public async Task Two_saves_at_once_from_the_same_version_one_is_kept_and_the_other_gets_409()
    {
        var classe = await Classe.CreerAsync(factory);
        using var chef = await factory.ClientAsync(await factory.CreerUtilisateurAsync(classe.Uai, Profils.ChefEtablissement));

        // From the empty set first (no row for the two to meet on), then from the set just kept.
        for (var tour = 0; tour < 2; tour++)
        {
            var lue = Version(await LireNiveauAsync(classe.Ddftp));
            var reponses = await Task.WhenAll(
                EnregistrerAsync(classe.Ddftp, "SECONDE", Calendrier(Annee), version: lue), EnregistrerAsync(chef, "SECONDE", Semestres, version: lue));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], reponses.Select(r => r.StatusCode).Order());
            var gagnante = await reponses.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonElement>();
            var stocke = await LireNiveauAsync(classe.Ddftp);
            Assert.Equal(ModifieesDepuis(stocke),
                (await reponses.Single(r => r.StatusCode == HttpStatusCode.Conflict).AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
            Assert.Equal(Version(gagnante), Version(stocke));
            Assert.Equal(Libelles(Periodes(gagnante)), Libelles(Periodes(stocke)));
        }
    }

    [Fact]
    public async Task The_page_posts_the_version_it_showed_and_shows_the_conflict_in_its_alert()
    {
        var classe = await Classe.CreerAsync(factory);
        using var chef = await factory.ClientAsync(await factory.CreerUtilisateurAsync(classe.Uai, Profils.ChefEtablissement));
        var url = $"/periodes/officielles?referentiel={Classe.Referentiel}&niveau=SECONDE&annee={Annee}";
        var formulaire = await classe.Ddftp.GetStringAsync(url);
        var lue = Version(await LireNiveauAsync(classe.Ddftp));
        Assert.Contains($"<input type=\"hidden\" name=\"version\" value=\"{lue}\"", formulaire, StringComparison.Ordinal);
        (await EnregistrerAsync(chef, "SECONDE", Calendrier(Annee), version: lue)).EnsureSuccessStatusCode();
        var stocke = await LireNiveauAsync(chef);

        // Posted from the page a successful save left (« ?fait=enregistre »): its notice must not stay next to the new error.
        var reponse = await classe.Ddftp.PostAsync(url + "&fait=enregistre", new FormUrlEncodedContent(
        [
            new("_handler", "periodes"), new("__RequestVerificationToken", JetonRegex().Match(formulaire).Groups[1].Value), new("version", lue),
            new("action", "enregistrer"), new("type", "semestre"), new("libelle", "Semestre 1"), new("debut", "2026-09-01"), new("fin", "2027-01-31"),
        ]));

        var page = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Matches($"role=\"alert\">\\s*{Regex.Escape(ModifieesDepuis(stocke))}\\s*<a href=\"{Regex.Escape(url)}\">Afficher les périodes actuelles</a>", page);
        Assert.Contains("value=\"Semestre 1\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Périodes enregistrées.", page, StringComparison.Ordinal);
        Assert.Equal(stocke.GetRawText(), (await LireNiveauAsync(chef)).GetRawText());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex JetonRegex();
}
