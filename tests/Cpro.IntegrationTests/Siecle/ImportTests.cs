using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Siecle;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Siecle;

[Collection(CproCollection.Name)]
public sealed class ImportTests(CproFactory factory)
{
    private static readonly Eleve Lea = new("1001", "120456789AB", "MARTIN", "Léa", "2MELEC1", ["2ANG-G1"], Prenom2: "Anaïs");
    private static readonly Eleve Oscar = new("1002", "120456790AC", "ŒUVRAY", "Oscar", "2MELEC1");
    private static readonly Eleve Nina = new("1003", "120456791AD", "DURAND", "Nina", "2MELEC2");
    private static readonly Eleve Arrivant = new("1004", "120456792AE", "PETIT", "Hugo", null);

    [Fact]
    public async Task Iso_8859_15_learners_come_out_with_their_accents_divisions_groups_and_accounts()
    {
        var (uai, admin) = await EtablissementAsync();

        var rapport = await ImporterAsync(admin, uai, ("ElevesSansAdresses.xml", Octets(Eleves(uai, [Lea, Oscar, Arrivant]))));

        var apprenants = rapport.GetProperty("apprenants");
        Assert.Equal(3, apprenants.GetProperty("crees").GetInt32());
        Assert.Equal(1, rapport.GetProperty("apprenantsSansDivision").GetInt32());
        Assert.Equal(3, rapport.GetProperty("comptesCrees").GetInt32());
        var liste = await ApprenantsAsync(uai);
        var lea = liste.Single(a => a.GetProperty("ine").GetString() == "120456789AB");
        Assert.Equal("Léa", lea.GetProperty("prenom").GetString());
        Assert.Equal("2MELEC1", lea.GetProperty("division").GetString());
        Assert.Equal("ŒUVRAY", liste.Single(a => a.GetProperty("prenom").GetString() == "Oscar").GetProperty("nom").GetString());
        Assert.Equal(JsonValueKind.Null, liste.Single(a => a.GetProperty("prenom").GetString() == "Hugo").GetProperty("division").ValueKind);
        await using var db = await SessionAsync(uai);
        var apprenant = await db.Query<Apprenant>().SingleAsync(a => a.EleveId == "1001");
        Assert.Equal("Anaïs", apprenant.Prenom2);
        Assert.Equal(["2ANG-G1"], apprenant.Groupes);
        var compte = (await db.LoadAsync<Utilisateur>(apprenant.UtilisateurId!.Value))!;
        Assert.StartsWith("lea.martin", compte.Identifiants.Login, StringComparison.Ordinal);
        Assert.Equal([Profils.Eleve], compte.Profils);
        Assert.True(compte.Identifiants.DoitChangerMotDePasse);
        Assert.Equal(Utilisateur.SourceSiecle, compte.Source);
    }

    [Fact]
    public async Task Utf8_with_bom_is_read_and_a_new_account_signs_in_with_its_temporary_code()
    {
        var (uai, admin) = await EtablissementAsync();
        var xml = Eleves(uai, [Lea with { Id = "2001", Ine = "220456789AB" }], encodage: "UTF-8");

        await ImporterAsync(admin, uai, ("eleves.xml", Octets(xml, bom: true)));

        await using var db = await SessionAsync(uai);
        var apprenant = await db.Query<Apprenant>().SingleAsync(a => a.Ine == "220456789AB");
        Assert.Equal("Léa", apprenant.Prenom);
        var compte = (await db.LoadAsync<Utilisateur>(apprenant.UtilisateurId!.Value))!;
        using var scope = factory.Services.CreateScope();
        using var cle = await scope.ServiceProvider.GetRequiredService<CodesProvisoires>().CleAsync(await factory.EtablissementIdAsync(uai), default);
        var code = cle.Dechiffrer(compte.Id, compte.CodeProvisoire!);
        Assert.Matches("^[a-zA-Z2-9]{12}$", code);
        Assert.DoesNotContain(code, compte.Identifiants.MotDePasseHash, StringComparison.Ordinal);
        Assert.DoesNotContain(code, compte.CodeProvisoire!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(await factory.TokenAsync(compte.Identifiants.Login, code)));
    }

    [Fact]
    public async Task New_logins_skip_every_login_taken_on_the_platform_suffixed_ones_included()
    {
        // Letters only: a name of its own across test runs, whose logins have no other root.
        var nom = "Dupre" + new string([.. Guid.NewGuid().ToString("N").Select(c => (char)('a' + c % 26))]);
        var (autre, adminAutre) = await EtablissementAsync();
        await ImporterAsync(adminAutre, autre, ("eleves.xml", Octets(Eleves(autre,
            [Lea with { Id = "1", Ine = null, Nom = nom }, Lea with { Id = "2", Ine = null, Nom = nom }, Lea with { Id = "3", Ine = null, Nom = nom + "2" }]))));
        var (uai, admin) = await EtablissementAsync();

        await ImporterAsync(admin, uai, ("eleves.xml", Octets(Eleves(uai,
            [Lea with { Id = "1", Ine = null, Nom = nom }, Lea with { Id = "2", Ine = null, Nom = nom }, Lea with { Id = "3", Ine = null, Nom = nom + "2" }]))));

        var racine = $"lea.{nom.ToLowerInvariant()}";
        var logins = new List<(string Uai, string Login)>();
        foreach (var etablissement in new[] { autre, uai })
        {
            await using var db = await SessionAsync(etablissement);
            logins.AddRange((await db.Query<Utilisateur>().Where(u => u.Identifiants.Login.StartsWith(racine)).ToListAsync())
                .Select(u => (etablissement, u.Identifiants.Login)));
        }
        // In the first establishment « lea.x », « lea.x2 » (namesake) and « lea.x22 » (a base ending in a digit, then its suffix);
        // in the second, each base continues after what is taken.
        Assert.Equal([racine, racine + "2", racine + "22"], logins.Where(l => l.Uai == autre).Select(l => l.Login).Order());
        Assert.Equal([racine + "23", racine + "3", racine + "4"], logins.Where(l => l.Uai == uai).Select(l => l.Login).Order());
    }

    [Fact]
    public async Task Imports_at_the_same_time_wait_for_one_another_and_namesakes_elsewhere_get_other_logins()
    {
        var nom = "Lambert" + new string([.. Guid.NewGuid().ToString("N").Select(c => (char)('a' + c % 26))]);
        var eleves = Enumerable.Range(1, 40).Select(i => Lea with { Id = $"{i}", Ine = null, Nom = nom }).ToList();
        var (uai, admin) = await EtablissementAsync();
        var (autre, adminAutre) = await EtablissementAsync();

        var rapports = await Task.WhenAll(
            ImporterAsync(admin, uai, ("eleves.xml", Octets(Eleves(uai, eleves)))),
            ImporterAsync(admin, uai, ("eleves.xml", Octets(Eleves(uai, eleves)))),
            ImporterAsync(adminAutre, autre, ("eleves.xml", Octets(Eleves(autre, eleves)))));

        // One of the two imports of the same establishment created the learners; the other, run after it, found them.
        var memes = rapports[..2].Select(r => r.GetProperty("apprenants"))
            .Select(a => (a.GetProperty("crees").GetInt32(), a.GetProperty("inchanges").GetInt32())).Order().ToList();
        Assert.Equal([(0, 40), (40, 0)], memes);
        Assert.Equal(40, rapports[2].GetProperty("apprenants").GetProperty("crees").GetInt32());
        await using var db = factory.Documents();
        var logins = (await db.Query<Utilisateur>().Where(u => u.AnyTenant() && u.Identifiants.Login.StartsWith($"lea.{nom.ToLowerInvariant()}"))
            .ToListAsync()).Select(u => u.Identifiants.Login).ToList();
        Assert.Equal(80, logins.Count);
        Assert.Equal(80, logins.Distinct().Count());
    }

    [Fact]
    public async Task Re_import_updates_the_changed_deactivates_the_absent_creates_the_new_and_keeps_logins()
    {
        var (uai, admin) = await EtablissementAsync();
        await ImporterAsync(admin, uai, ("eleves.xml", Octets(Eleves(uai, [Lea, Oscar, Nina]))));
        await using var avant = await SessionAsync(uai);
        var logins = (await avant.Query<Utilisateur>().Where(u => u.Source == Utilisateur.SourceSiecle).ToListAsync())
            .ToDictionary(u => u.Id, u => (u.Identifiants.Login, u.Identifiants.MotDePasseHash, u.Identifiants.TamponSecurite));
        Assert.Equal(3, logins.Values.Select(v => v.TamponSecurite).Where(t => t != Guid.Empty).Distinct().Count());

        var rapport = await ImporterAsync(admin, uai, ("eleves.xml", Octets(Eleves(uai, [Lea with { Division = "2MELEC2" }, Oscar, Arrivant]))));

        var apprenants = rapport.GetProperty("apprenants");
        Assert.Equal((1, 1, 1, 1), (apprenants.GetProperty("crees").GetInt32(), apprenants.GetProperty("misAJour").GetInt32(),
            apprenants.GetProperty("desactives").GetInt32(), apprenants.GetProperty("inchanges").GetInt32()));
        var liste = await ApprenantsAsync(uai);
        Assert.Equal("2MELEC2", liste.Single(a => a.GetProperty("prenom").GetString() == "Léa").GetProperty("division").GetString());
        Assert.False(liste.Single(a => a.GetProperty("prenom").GetString() == "Nina").GetProperty("actif").GetBoolean());
        Assert.Equal(4, liste.Count);
        await using var apres = await SessionAsync(uai);
        var nina = await apres.Query<Apprenant>().SingleAsync(a => a.EleveId == Nina.Id);
        foreach (var (id, (login, hash, tampon)) in logins)
        {
            var compte = (await apres.LoadAsync<Utilisateur>(id))!;
            Assert.Equal((login, hash), (compte.Identifiants.Login, compte.Identifiants.MotDePasseHash));
            // Only the deactivated account's sessions end.
            Assert.Equal(id != nina.UtilisateurId, compte.Identifiants.TamponSecurite == tampon);
        }
        Assert.False((await apres.LoadAsync<Utilisateur>(nina.UtilisateurId!.Value))!.Actif);
    }

    [Fact]
    public async Task Documents_copied_in_bulk_by_the_import_are_the_stores_own()
    {
        var (uai, admin) = await EtablissementAsync();
        var etablissement = await factory.EtablissementIdAsync(uai);
        await ImporterAsync(admin, uai, Jeu(uai));
        await using (var temoin = factory.Documents(etablissement))
        {
            temoin.Store(new Mef { Id = Guid.CreateVersion7(), Code = "TEMOIN", Libelle = "Écrit par la session" });
            await temoin.SaveChangesAsync();
        }

        await using var db = factory.Documents(etablissement);
        Assert.Equal((3, 2, 2, 3), (await db.Query<Apprenant>().CountAsync(), await db.Query<Responsable>().CountAsync(),
            await db.Query<Personnel>().CountAsync(), await db.Query<Structure>().CountAsync()));
        var mefs = await db.Query<Mef>().ToListAsync();
        Assert.Equal((await db.MetadataForAsync(mefs.Single(m => m.Code == "TEMOIN")))!.DotNetType,
            (await db.MetadataForAsync(mefs.Single(m => m.Code == "24023302210")))!.DotNetType);
        var lea = await db.Query<Apprenant>().SingleAsync(a => a.EleveId == Lea.Id);
        Assert.Equal(("Léa", "Anaïs"), (lea.Prenom, lea.Prenom2));
        Assert.Equal(["2ANG-G1"], lea.Groupes);
        var compte = (await db.LoadAsync<Utilisateur>(lea.UtilisateurId!.Value))!;
        Assert.Equal((1, "SIECLE"), (compte.Version, compte.Source));
        Assert.Equal([Profils.Eleve], compte.Profils);
        // Its first revision is the store's: an edit from it is accepted, then one from the same copy refused.
        var modification = new { nom = "MARTIN", prenom = "Léa", profils = new[] { Profils.Eleve }, version = compte.Version };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/etablissements/{uai}/utilisateurs/{compte.Id}", modification)).StatusCode);
        await (await admin.PutAsJsonAsync($"/api/etablissements/{uai}/utilisateurs/{compte.Id}", modification)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_same_files_twice_change_nothing_the_second_time()
    {
        var (uai, admin) = await EtablissementAsync();
        var fichiers = Jeu(uai);
        await ImporterAsync(admin, uai, fichiers);

        var second = await ImporterAsync(admin, uai, fichiers);

        foreach (var genre in new[] { "apprenants", "responsables", "personnels", "divisions", "groupes" })
        {
            var c = second.GetProperty(genre);
            Assert.True(c.GetProperty("inchanges").GetInt32() > 0, genre);
            Assert.Equal((0, 0, 0), (c.GetProperty("crees").GetInt32(), c.GetProperty("misAJour").GetInt32(), c.GetProperty("desactives").GetInt32()));
        }
        Assert.Equal(0, second.GetProperty("comptesCrees").GetInt32());
    }

    [Fact]
    public async Task Homonyms_here_and_in_other_establishments_get_the_next_free_logins()
    {
        // A surname no other test uses: its logins are this test's alone.
        var nom = "HOMONYME" + new string([.. TestUai.Next().Select(c => (char)('A' + (c % 26)))]);
        var login = $"lea.{nom.ToLowerInvariant()}";
        var (premier, adminPremier) = await EtablissementAsync();
        await ImporterAsync(adminPremier, premier, ("eleves.xml", Octets(Eleves(premier, [new Eleve("1", null, nom, "Léa", "2A"), new Eleve("2", null, nom, "Léa", "2A")]))));
        var (second, adminSecond) = await EtablissementAsync();

        await ImporterAsync(adminSecond, second, ("eleves.xml", Octets(Eleves(second,
            [new Eleve("1", null, nom, "Léa", "2A"), new Eleve("2", null, nom, "Léa", "2A"), new Eleve("3", null, nom, "Léa", "2A")]))));

        await using var db = factory.Documents();
        var logins = (await db.Query<Utilisateur>().Where(u => u.AnyTenant() && u.Identifiants.Login.StartsWith(login)).ToListAsync())
            .Select(u => u.Identifiants.Login).ToList();
        Assert.Equal([login, login + "2", login + "3", login + "4", login + "5"], logins.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Staff_structures_services_and_guardians_come_from_sts_and_responsables()
    {
        var (uai, admin) = await EtablissementAsync();

        var rapport = await ImporterAsync(admin, uai, Jeu(uai));

        Assert.Equal(2, rapport.GetProperty("personnels").GetProperty("crees").GetInt32());
        Assert.Equal(2, rapport.GetProperty("divisions").GetProperty("crees").GetInt32());
        Assert.Equal(1, rapport.GetProperty("groupes").GetProperty("crees").GetInt32());
        Assert.Equal(2, rapport.GetProperty("responsables").GetProperty("crees").GetInt32());
        await using var db = await SessionAsync(uai);
        var division = await db.Query<Structure>().SingleAsync(s => s.Code == "2MELEC1");
        Assert.Equal(["24023302210"], division.Appartenances);
        Assert.Equal(["064000:CG:8949"], division.Services);
        Assert.Equal(["8949"], division.ProfesseursPrincipaux);
        var groupe = await db.Query<Structure>().SingleAsync(s => s.Code == "2ANG-G1");
        Assert.Equal(["2MELEC1"], groupe.Appartenances);
        var mef = await db.Query<Mef>().SingleAsync();
        Assert.Equal("2NDPRO METIERS ELEC. ENVIRONNEMENTS CONNECTES", mef.Libelle);
        var responsable = await db.Query<Responsable>().SingleAsync(r => r.PersonneId == "P1");
        Assert.Equal(["1001:1:10"], responsable.Liens);
        using var chef = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.ChefEtablissement));
        var personnels = await chef.GetFromJsonAsync<JsonElement>($"/api/etablissements/{uai}/personnels");
        var durand = personnels.EnumerateArray().Single(p => p.GetProperty("nom").GetString() == "DURAND");
        Assert.Equal("ENS", durand.GetProperty("fonction").GetString());
        var directeur = await db.Query<Personnel>().SingleAsync(p => p.StsId == "8950");
        Assert.Equal([Profils.ChefEtablissement], (await db.LoadAsync<Utilisateur>(directeur.UtilisateurId!.Value))!.Profils);
    }

    [Fact]
    public async Task Duplicate_ine_records_are_rejected_and_the_rest_kept()
    {
        var (uai, admin) = await EtablissementAsync();
        var jumeau = Oscar with { Id = "1099", Ine = Lea.Ine };

        var rapport = await ImporterAsync(admin, uai, ("eleves.xml", Octets(Eleves(uai, [Lea, jumeau, Nina]))));

        var apprenants = rapport.GetProperty("apprenants");
        Assert.Equal(1, apprenants.GetProperty("crees").GetInt32());
        var rejets = apprenants.GetProperty("rejets").EnumerateArray().ToList();
        Assert.Equal(["1001", "1099"], rejets.Select(r => r.GetProperty("identifiant").GetString()).Order());
        Assert.All(rejets, r => Assert.Equal("ELEVE", r.GetProperty("element").GetString()));
        Assert.Contains($"INE {Lea.Ine} présent sur plusieurs fiches", rejets[0].GetProperty("motif").GetString(), StringComparison.Ordinal);
        Assert.Single(await ApprenantsAsync(uai));
    }

    [Fact]
    public async Task Simulation_reports_the_same_and_writes_nothing()
    {
        var (uai, admin) = await EtablissementAsync();

        var simulation = await ImporterAsync(admin, uai, Jeu(uai), simulation: true);

        Assert.True(simulation.GetProperty("simulation").GetBoolean());
        Assert.Equal(3, simulation.GetProperty("apprenants").GetProperty("crees").GetInt32());
        Assert.Empty(await ApprenantsAsync(uai));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"/api/etablissements/{uai}/imports")).EnumerateArray());
        Assert.Equal((0, false), await ComptesImportesAsync(uai));
        var reel = await ImporterAsync(admin, uai, Jeu(uai));
        Assert.Equal(simulation.GetProperty("personnels").GetRawText(), reel.GetProperty("personnels").GetRawText());
        Assert.Equal(simulation.GetProperty("apprenants").GetRawText(), reel.GetProperty("apprenants").GetRawText());
    }

    [Fact]
    public async Task Every_import_is_kept_with_who_when_and_files()
    {
        var (uai, admin) = await EtablissementAsync();
        await ImporterAsync(admin, uai, ("ElevesSansAdresses.xml", Octets(Eleves(uai, [Lea]))));

        var imports = await admin.GetFromJsonAsync<JsonElement>($"/api/etablissements/{uai}/imports");

        var import = Assert.Single(imports.EnumerateArray());
        Assert.StartsWith("administrateur.", import.GetProperty("par").GetString(), StringComparison.Ordinal);
        Assert.Equal(["ElevesSansAdresses.xml"], import.GetProperty("fichiers").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(1, import.GetProperty("rapport").GetProperty("apprenants").GetProperty("crees").GetInt32());
    }

    public static TheoryData<string, string, HttpStatusCode, string> Hostiles => new()
    {
        { "dtd.xml", "<?xml version=\"1.0\"?><!DOCTYPE BEE_ELEVES [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><BEE_ELEVES><PARAMETRES><UAJ>&xxe;</UAJ></PARAMETRES></BEE_ELEVES>", HttpStatusCode.BadRequest, "contient une DTD" },
        { "rires.xml", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><BEE_ELEVES>&lol2;</BEE_ELEVES>", HttpStatusCode.BadRequest, "contient une DTD" },
        { "tronque.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><BEE_ELEVES VERSION=\"3.0\"><PARAMETRES><UAJ>{uai}</UAJ></PARAMETRES><DONNEES><ELEVES><ELEVE ELEVE_ID=\"1\"><NOM_DE", HttpStatusCode.BadRequest, "n'est pas un XML bien formé" },
        { "pasdexml.xml", "ceci n'est pas du XML", HttpStatusCode.BadRequest, "n'est pas un fichier XML" },
        { "inconnu.xml", "<?xml version=\"1.0\"?><FACTURES/>", HttpStatusCode.BadRequest, "élément racine <FACTURES>" },
        { "emp_sts_0140070A_2026.xml", "<?xml version=\"1.0\"?><STS_EDT/>", HttpStatusCode.BadRequest, "fichier emp_sts" },
        { "autre.xml", "{autreuai}", HttpStatusCode.UnprocessableEntity, "est l'export de l'établissement" },
        { "ancien.xml", "{ancienne}", HttpStatusCode.UnprocessableEntity, "concerne l'année scolaire" },
    };

    [Theory]
    [MemberData(nameof(Hostiles))]
    public async Task Hostile_or_broken_files_are_refused_with_a_French_message_and_nothing_written(string nom, string contenu,
        HttpStatusCode statut, string message)
    {
        var (uai, admin) = await EtablissementAsync();
        await ImporterAsync(admin, uai, ("eleves.xml", Octets(Eleves(uai, [Lea]))));
        contenu = contenu switch
        {
            "{autreuai}" => Eleves(TestUai.Next(), [Oscar]),
            "{ancienne}" => Eleves(uai, [Oscar], annee: AnneeCourante - 3),
            _ => contenu.Replace("{uai}", uai, StringComparison.Ordinal),
        };

        // The hostile file comes after a good one: the good one must not be written either.
        var response = await admin.PostAsync($"/api/etablissements/{uai}/imports",
            Formulaire(("responsables.xml", Octets(Responsables(uai, ("P1", "MARTIN", "Claire", "1001")))), (nom, Octets(contenu))));

        var problem = await response.AssertProblemAsync(statut);
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(await ApprenantsAsync(uai));
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/etablissements/{uai}/imports")).EnumerateArray());
        await using var db = await SessionAsync(uai);
        Assert.False(await db.Query<Responsable>().AnyAsync());
    }

    [Fact]
    public async Task Oversize_import_gets_413_and_a_request_without_files_400()
    {
        var (uai, admin) = await EtablissementAsync();
        var enorme = new byte[(int)(CproFactory.ImportMaxMo * 1024 * 1024) + 1];

        var trop = await admin.PostAsync($"/api/etablissements/{uai}/imports", Formulaire(("gros.xml", enorme)));
        var vide = await admin.PostAsync($"/api/etablissements/{uai}/imports", new MultipartFormDataContent { { new StringContent("x"), "autre" } });

        Assert.Contains("dépassent la taille autorisée", (await trop.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single((await vide.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("files"));
    }

    [Fact]
    public async Task An_administrator_cannot_import_into_or_read_another_establishment_and_a_teacher_cannot_read_his_own()
    {
        var (uai, admin) = await EtablissementAsync();
        var (autre, _) = await EtablissementAsync();
        using var enseignant = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Enseignant));
        using var ddftp = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Ddftp));

        var import = await admin.PostAsync($"/api/etablissements/{autre}/imports", Formulaire(("e.xml", Octets(Eleves(autre, [Lea])))));
        var apprenants = await admin.GetAsync($"/api/etablissements/{autre}/apprenants");
        var personnels = await admin.GetAsync($"/api/etablissements/{autre}/personnels");
        var imports = await admin.GetAsync($"/api/etablissements/{autre}/imports");

        await import.AssertProblemAsync(HttpStatusCode.Forbidden);
        await apprenants.AssertProblemAsync(HttpStatusCode.Forbidden);
        await personnels.AssertProblemAsync(HttpStatusCode.Forbidden);
        await imports.AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await enseignant.GetAsync($"/api/etablissements/{uai}/apprenants")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await enseignant.PostAsync($"/api/etablissements/{uai}/imports", Formulaire(("e.xml", Octets(Eleves(uai, [Lea])))))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await ddftp.GetAsync($"/api/etablissements/{uai}/apprenants")).StatusCode);
    }

    private static (string, byte[])[] Jeu(string uai) =>
    [
        ("ElevesSansAdresses.xml", Octets(Eleves(uai, [Lea, Oscar, Nina]))),
        ("ResponsablesAvecAdresses.xml", Octets(Responsables(uai, ("P1", "MARTIN", "Claire", "1001"), ("P2", "ŒUVRAY", "Marc", "1002")))),
        ($"sts_emp_{uai}_{AnneeCourante}.xml", Octets(Sts(uai,
            [new Individu("8949", "DURAND", "Michel", ProfPrincipalDe: "2MELEC1"), new Individu("8950", "BERNARD", "Anne", "DIR")],
            [("2MELEC1", "24023302210", ["8949"]), ("2MELEC2", "24023302210", ["8949"])],
            [("2ANG-G1", "2MELEC1", ["8949"])]))),
    ];

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

    /// <summary>The establishment's accounts made by imports, and whether it has a key for temporary codes yet.</summary>
    private async Task<(int Comptes, bool Cle)> ComptesImportesAsync(string uai)
    {
        await using var db = await SessionAsync(uai);
        return (await db.Query<Utilisateur>().CountAsync(u => u.Source != Utilisateur.SourceManuel), await db.Query<CleCodesProvisoires>().AnyAsync());
    }

    /// <summary>The establishment's documents, as its modules read them.</summary>
    private async Task<IDocumentSession> SessionAsync(string uai) => factory.Documents(await factory.EtablissementIdAsync(uai));
}
