using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Siecle;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using Marten;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Siecle;

/// <summary>What the import does with the records real exports hold: rejected ones, leavers, guardians of nobody here,
/// divisions named only by the learners' file, files in the wrong encoding or format; and its report as CSV.</summary>
[Collection(CproCollection.Name)]
public sealed class ReglesImportTests(CproFactory factory)
{
    private static readonly Eleve Lea = new("1001", "120456789AB", "MARTIN", "Léa", "2MELEC1");
    private static readonly Eleve Oscar = new("1002", "120456790AC", "ŒUVRAY", "Oscar", "2MELEC1");

    [Fact]
    public async Task A_rejected_record_leaves_its_learner_as_it_was_and_only_the_absent_are_deactivated()
    {
        var (uai, admin) = await EtablissementAsync();
        var nina = new Eleve("1003", "120456791AD", "DURAND", "Nina", "2MELEC1");
        await ImporterAsync(admin, uai, ("eleves.xml", Octets(Eleves(uai, [Lea, Oscar, nina]))));

        // Léa's birth date is invalid, Oscar's INE is now on two records, Nina is gone.
        var rapport = await ImporterAsync(admin, uai, ("eleves.xml", Octets(Eleves(uai,
            [Lea with { DateNaissance = "31/02/2010" }, Oscar, new Eleve("1099", Oscar.Ine, "ŒUVRAY", "Oscar", "2MELEC1")]))));

        var apprenants = rapport.GetProperty("apprenants");
        Assert.Equal(1, apprenants.GetProperty("desactives").GetInt32());
        var rejets = apprenants.GetProperty("rejets").EnumerateArray().ToList();
        Assert.Equal(["1001", "1002", "1099"], rejets.Select(r => r.GetProperty("identifiant").GetString()).Order());
        var lea = rejets.Single(r => r.GetProperty("identifiant").GetString() == "1001");
        Assert.Equal("MARTIN Léa", lea.GetProperty("nom").GetString());
        Assert.Contains("DATE_NAISS « 31/02/2010 » n'est pas une date valide", lea.GetProperty("motif").GetString(), StringComparison.Ordinal);
        Assert.Equal("ŒUVRAY Oscar", rejets.Single(r => r.GetProperty("identifiant").GetString() == "1002").GetProperty("nom").GetString());
        var actifs = (await ApprenantsAsync(uai)).ToDictionary(a => a.GetProperty("prenom").GetString()!, a => a.GetProperty("actif").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["Léa"] = true, ["Oscar"] = true, ["Nina"] = false }, actifs);
        Assert.Equal(2, await ComptesActifsAsync(uai));
    }

    [Fact]
    public async Task Leavers_never_known_are_ignored_and_known_ones_deactivated_keeping_their_class()
    {
        var (uai, admin) = await EtablissementAsync();
        await ImporterAsync(admin, uai, ("eleves.xml", Octets(Eleves(uai, [Lea, Oscar]))));
        var sortie = new Eleve("2001", "220456789AB", "LEROY", "Emma", "2MELEC2", DateSortie: "15/10/2020");
        var inactive = new Eleve("2002", "220456790AC", "FAURE", "Inès", "Inactifs");

        var rapport = await ImporterAsync(admin, uai, ("eleves.xml", Octets(Eleves(uai,
            [Lea with { DateSortie = "15/10/2020" }, Oscar with { Division = "Inactifs" }, sortie, inactive]))));

        var apprenants = rapport.GetProperty("apprenants");
        Assert.Equal((0, 2), (apprenants.GetProperty("crees").GetInt32(), apprenants.GetProperty("desactives").GetInt32()));
        Assert.Equal(0, rapport.GetProperty("comptesCrees").GetInt32());
        var ignores = apprenants.GetProperty("ignores").EnumerateArray().ToList();
        Assert.Equal(["FAURE Inès", "LEROY Emma"], ignores.Select(i => i.GetProperty("nom").GetString()).Order());
        Assert.All(ignores, i => Assert.StartsWith("Sorti, ignoré", i.GetProperty("motif").GetString(), StringComparison.Ordinal));
        Assert.Contains("sorti le 15/10/2020", ignores.Single(i => i.GetProperty("identifiant").GetString() == "2001").GetProperty("motif").GetString(), StringComparison.Ordinal);
        var liste = await ApprenantsAsync(uai);
        Assert.Equal(["Léa", "Oscar"], liste.Select(a => a.GetProperty("prenom").GetString()).Order());
        Assert.All(liste, a => Assert.False(a.GetProperty("actif").GetBoolean()));
        Assert.All(liste, a => Assert.Equal("2MELEC1", a.GetProperty("division").GetString()));
        Assert.Equal(0, await ComptesActifsAsync(uai));
        Assert.DoesNotContain("Inactifs", await DivisionsAsync(uai));
    }

    [Fact]
    public async Task A_leaver_first_seen_leaving_is_not_created_by_a_preview_or_an_import()
    {
        var (uai, admin) = await EtablissementAsync();
        var sortie = Lea with { DateSortie = "15/10/2020" };

        var apercu = await ImporterAsync(admin, uai, [("eleves.xml", Octets(Eleves(uai, [sortie, Oscar])))], simulation: true);
        var rapport = await ImporterAsync(admin, uai, ("eleves.xml", Octets(Eleves(uai, [sortie, Oscar]))));

        foreach (var r in new[] { apercu, rapport })
        {
            Assert.Equal(1, r.GetProperty("apprenants").GetProperty("crees").GetInt32());
            Assert.Equal(1, r.GetProperty("comptesCrees").GetInt32());
            Assert.Single(r.GetProperty("apprenants").GetProperty("ignores").EnumerateArray());
        }
        Assert.Equal(["Oscar"], (await ApprenantsAsync(uai)).Select(a => a.GetProperty("prenom").GetString()));
    }

    [Fact]
    public async Task Guardians_of_no_learner_of_the_establishment_are_skipped_and_counted()
    {
        var (uai, admin) = await EtablissementAsync();
        await ImporterAsync(admin, uai, ("eleves.xml", Octets(Eleves(uai, [Lea]))));

        var rapport = await ImporterAsync(admin, uai, ("responsables.xml", Octets(Responsables(uai,
            ("P1", "MARTIN", "Claire", "1001"), ("P2", "INCONNU", "Paul", "9001"), ("P3", "INCONNUE", "Zoé", "9002"), ("P4", "AUTRE", "Jean", "9003"),
            ("P1", "MARTIN", "Claire", "9004")))));

        var responsables = rapport.GetProperty("responsables");
        Assert.Equal(1, responsables.GetProperty("crees").GetInt32());
        var ignores = responsables.GetProperty("ignores").EnumerateArray().ToList();
        Assert.Equal(["P2", "P3", "P4"], ignores.Select(i => i.GetProperty("identifiant").GetString()).Order());
        Assert.Equal("INCONNU Paul", ignores.Single(i => i.GetProperty("identifiant").GetString() == "P2").GetProperty("nom").GetString());
        Assert.Contains("ELEVE_ID 9001", ignores.Single(i => i.GetProperty("identifiant").GetString() == "P2").GetProperty("motif").GetString(), StringComparison.Ordinal);
        await using var db = await SessionAsync(uai);
        var gardes = await db.Query<Responsable>().ToListAsync();
        // Claire's link to a learner unknown here is dropped too.
        Assert.Equal(["P1:1001:1:10"], gardes.Select(r => $"{r.PersonneId}:{string.Join(",", r.Liens)}"));
    }

    [Fact]
    public async Task Divisions_named_by_the_learners_file_exist_at_once_and_sts_completes_them()
    {
        var (uai, admin) = await EtablissementAsync();

        var rapport = await ImporterAsync(admin, uai, ("ElevesSansAdresses.xml", Octets(Eleves(uai, [Lea with { Division = "4A" }, Oscar with { Division = "4A" }]))));

        Assert.Equal(1, rapport.GetProperty("divisions").GetProperty("crees").GetInt32());
        Assert.Equal(["4A"], await DivisionsAsync(uai));
        using var ddftp = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Ddftp));
        var abonnement = await ddftp.PutAsJsonAsync("/api/referentiels/abonnements/BACPRO-MELEC",
            new { niveaux = new[] { new { niveauClasse = "SECONDE", divisions = new[] { "4A" } } } });
        Assert.True(abonnement.IsSuccessStatusCode, await abonnement.Content.ReadAsStringAsync());
        Assert.Equal(["24023302210"], (await DivisionAsync(uai, "4A")).Appartenances);

        var sts = await ImporterAsync(admin, uai, ($"sts_emp_{uai}_{AnneeCourante}.xml", Octets(Sts(uai, [new Individu("8949", "DURAND", "Michel")],
            [("4A", "24023302210", ["8949"])], []))));

        Assert.Equal((0, 1), (sts.GetProperty("divisions").GetProperty("crees").GetInt32(), sts.GetProperty("divisions").GetProperty("misAJour").GetInt32()));
        var completee = await DivisionAsync(uai, "4A");
        Assert.Equal("Division 4A", completee.Libelle);
        Assert.Equal(["064000:CG:8949"], completee.Services);
    }

    [Fact]
    public async Task Learners_and_sts_files_in_one_import_make_each_division_once()
    {
        var (uai, admin) = await EtablissementAsync();

        var rapport = await ImporterAsync(admin, uai,
            ("eleves.xml", Octets(Eleves(uai, [Lea, Oscar with { Division = "2MELEC9" }]))),
            ($"sts_emp_{uai}_{AnneeCourante}.xml", Octets(Sts(uai, [new Individu("8949", "DURAND", "Michel")], [("2MELEC1", "24023302210", ["8949"])], []))));

        Assert.Equal(2, rapport.GetProperty("divisions").GetProperty("crees").GetInt32());
        Assert.Equal(["2MELEC1", "2MELEC9"], await DivisionsAsync(uai));
    }

    public static TheoryData<string, byte[], string> Mauvais => new()
    {
        {
            "utf8-sous-latin.xml", Encoding.UTF8.GetBytes(Eleves("{uai}", [Lea with { Prenom = "Grégory" }])),
            "déclare l'encodage ISO-8859-15 mais son contenu est en UTF-8"
        },
        { "macthai.xml", Octets(Eleves("{uai}", [Lea], encodage: "x-macthai")), "encodage x-macthai non pris en charge" },
        {
            "ElevesSansAdresses.csv", Encoding.UTF8.GetBytes("ELEVE_ID;NOM;PRENOM;DIVISION\r\n1001;MARTIN;Léa;2MELEC1\r\n"),
            "est un fichier CSV : déposez l'export XML de SIECLE ou de STS-web"
        },
        {
            "sans-declaration.xml", Encoding.Latin1.GetBytes(Eleves("{uai}", [Lea]).Replace(" encoding=\"ISO-8859-15\"", "", StringComparison.Ordinal)),
            "n'est pas en UTF-8 et ne déclare pas son encodage"
        },
        {
            "utf8-annonce.xml", Encoding.Latin1.GetBytes(Eleves("{uai}", [Lea], encodage: "UTF-8")),
            "déclare l'encodage UTF-8 mais contient des caractères dans un autre encodage"
        },
        { "ElevesSansAdresses.zip", [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0], "est une archive ZIP" },
    };

    [Theory]
    [MemberData(nameof(Mauvais))]
    public async Task A_file_in_the_wrong_encoding_or_format_is_named_for_what_it_is_and_nothing_is_written(string nom, byte[] contenu, string message)
    {
        var (uai, admin) = await EtablissementAsync();
        contenu = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(contenu).Replace("{uai}", uai, StringComparison.Ordinal));

        var reponse = await admin.PostAsync($"/api/etablissements/{uai}/imports", Formulaire((nom, contenu)));

        var probleme = await reponse.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(message, probleme.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("bien formé", probleme.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((0, 0), await factory.EcritAsync(uai));
    }

    [Fact]
    public async Task Latin_files_with_their_accents_still_import()
    {
        var (uai, admin) = await EtablissementAsync();

        await ImporterAsync(admin, uai, ("eleves.xml", Encoding.Latin1.GetBytes(Eleves(uai, [Lea with { Prenom = "Grégory" }], encodage: "ISO-8859-1"))));

        Assert.Equal("Grégory", Assert.Single(await ApprenantsAsync(uai)).GetProperty("prenom").GetString());
    }

    [Fact]
    public async Task The_report_downloads_as_csv_naming_each_record_and_rule_for_the_establishments_administrators_only()
    {
        var (uai, admin) = await EtablissementAsync();
        var (autre, adminAutre) = await EtablissementAsync();
        var rapport = await ImporterAsync(admin, uai, ("eleves.xml", Octets(Eleves(uai,
            [Lea with { DateNaissance = "2010-03-14" }, Oscar, new Eleve("2001", null, "LEROY", "Emma", "2MELEC2", DateSortie: "15/10/2020")]))));
        var id = rapport.GetProperty("id").GetGuid();
        var route = $"/api/etablissements/{uai}/imports/{id}/rapport.csv";

        var reponse = await admin.GetAsync(route);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("text/csv", reponse.Content.Headers.ContentType?.MediaType);
        var lignes = (await reponse.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Type;Résultat;Élément;Identifiant;Nom;Règle", lignes[0]);
        Assert.Contains("Apprenants;Bilan;;;;créés 1, mis à jour 0, désactivés 0, inchangés 0, rejetés 1, ignorés 1", lignes);
        Assert.Contains(lignes, l => l.StartsWith("Apprenants;Rejeté;ELEVE;1001;MARTIN Léa;DATE_NAISS « 2010-03-14 » n'est pas une date valide", StringComparison.Ordinal));
        Assert.Contains(lignes, l => l.StartsWith("Apprenants;Ignoré;ELEVE;2001;LEROY Emma;Sorti, ignoré", StringComparison.Ordinal));
        using var plateforme = await factory.AdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await plateforme.GetAsync(route)).StatusCode);
        await (await adminAutre.GetAsync(route)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await adminAutre.GetAsync($"/api/etablissements/{autre}/imports/{id}/rapport.csv")).AssertProblemAsync(HttpStatusCode.NotFound);
        foreach (var profil in new[] { Profils.ChefEtablissement, Profils.Ddftp, Profils.Enseignant, Profils.Eleve })
        {
            using var client = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, profil));
            await (await client.GetAsync(route)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        var page = await (await admin.GetAsync("/administration/import")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"{route}\"", page, StringComparison.Ordinal);
    }

    /// <summary>A report with a record of each rule, as a snapshot: its counts, and each record with its person and rule.</summary>
    [Fact]
    public async Task The_report_of_an_import_meeting_every_rule_is_the_one_reviewed()
    {
        var (uai, admin) = await EtablissementAsync();
        await ImporterAsync(admin, uai, ("eleves.xml", Octets(Eleves(uai, [Lea, Oscar with { Division = "4A" }]))));

        var rapport = await ImporterAsync(admin, uai,
            ("ElevesSansAdresses.xml", Octets(Eleves(uai,
            [
                Lea with { DateNaissance = "31/02/2010" }, new Eleve("1003", "120456791AD", "DURAND", "Nina", "2MELEC2"),
                new Eleve("1004", Lea.Ine, "PETIT", "Hugo", "2MELEC2"), new Eleve("2001", "220456789AB", "LEROY", "Emma", "2MELEC2", DateSortie: "15/10/2020"),
                new Eleve("2002", "220456790AC", "FAURE", "Inès", "Inactifs"),
            ]))),
            ("ResponsablesAvecAdresses.xml", Octets(Responsables(uai, ("P1", "DURAND", "Paul", "1003"), ("P2", "INCONNU", "Jean", "9001")))));

        Snapshot.Match(JToken.Parse(rapport.GetRawText()), options => options.IgnoreField("id"));
    }

    private async Task<(string Uai, HttpClient Admin)> EtablissementAsync()
    {
        var uai = await factory.CreerEtablissementAsync();
        return (uai, await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur)));
    }

    private static async Task<JsonElement> ImporterAsync(HttpClient client, string uai, params (string, byte[])[] fichiers) =>
        await ImporterAsync(client, uai, fichiers, simulation: false);

    private static async Task<JsonElement> ImporterAsync(HttpClient client, string uai, (string, byte[])[] fichiers, bool simulation)
    {
        var response = await client.PostAsync($"/api/etablissements/{uai}/imports{(simulation ? "?simulation=true" : "")}", Formulaire(fichiers));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<List<JsonElement>> ApprenantsAsync(string uai)
    {
        using var chef = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.ChefEtablissement));
        return [.. (await chef.GetFromJsonAsync<JsonElement>($"/api/etablissements/{uai}/apprenants")).EnumerateArray()];
    }

    private async Task<List<string>> DivisionsAsync(string uai)
    {
        await using var db = await SessionAsync(uai);
        return [.. (await db.Query<Structure>().Where(s => s.Type == "D" && s.Actif).OrderBy(s => s.Code).ToListAsync()).Select(s => s.Code)];
    }

    private async Task<Structure> DivisionAsync(string uai, string code)
    {
        await using var db = await SessionAsync(uai);
        return await db.Query<Structure>().SingleAsync(s => s.Code == code);
    }

    /// <summary>The learners' accounts still active.</summary>
    private async Task<int> ComptesActifsAsync(string uai)
    {
        await using var db = await SessionAsync(uai);
        var comptes = (await db.Query<Apprenant>().ToListAsync()).Select(a => a.UtilisateurId!.Value).ToArray();
        return await db.Query<Utilisateur>().CountAsync(u => u.Id.IsOneOf(comptes) && u.Actif);
    }

    private async Task<IDocumentSession> SessionAsync(string uai) => factory.Documents(await factory.EtablissementIdAsync(uai));
}
