using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cpro.Etablissements.Domain;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Accounts;

[Collection(CproCollection.Name)]
public sealed partial class ComptesTests(CproFactory factory)
{
    [Fact]
    public async Task A_manual_account_gets_a_login_and_an_emailed_temporary_password_to_change_at_first_sign_in()
    {
        var (uai, admin) = await EtablissementAsync();
        var email = $"{Guid.NewGuid():N}@example.org";

        var response = await admin.PostAsJsonAsync($"/api/etablissements/{uai}/utilisateurs", new
        {
            civilite = "Mme", nom = "Lefèvre-Dupré", prenom = "Anaïs", dateNaissance = "1980-05-17", email, profil = Profils.Tuteur,
        });
        var cree = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var login = cree.GetProperty("login").GetString()!;
        Assert.StartsWith("anais.lefevre-dupre", login, StringComparison.Ordinal);
        Assert.True(cree.GetProperty("manuel").GetBoolean());
        Assert.True(cree.GetProperty("codeProvisoireEnAttente").GetBoolean());
        var courriel = await factory.CourrielAsync(email);
        Assert.Contains($"Identifiant : {login}", courriel, StringComparison.Ordinal);
        Assert.Contains("Adresse du site : http", courriel, StringComparison.Ordinal);
        var code = CodeDans(courriel);

        using var provisoire = await factory.ClientAsync(login, code);
        var bloque = await provisoire.GetAsync($"/api/etablissements/{uai}/modules");
        Assert.Contains("Choisissez d'abord votre mot de passe", (await bloque.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var anonyme = factory.CreateClient();
        var court = await anonyme.PostAsJsonAsync("/api/auth/mot-de-passe", new { login, motDePasseActuel = code, nouveauMotDePasse = "court" });
        Assert.Equal(["Le nouveau mot de passe doit comporter au moins 12 caractères."], (await court.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("nouveauMotDePasse"));
        var faux = await anonyme.PostAsJsonAsync("/api/auth/mot-de-passe", new { login, motDePasseActuel = "pas-le-bon-code", nouveauMotDePasse = "Un-Vrai-Mot-De-Passe-2026" });
        await faux.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var change = await anonyme.PostAsJsonAsync("/api/auth/mot-de-passe", new { login, motDePasseActuel = code, nouveauMotDePasse = "Un-Vrai-Mot-De-Passe-2026" });
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);

        using var definitif = await factory.ClientAsync(login, "Un-Vrai-Mot-De-Passe-2026");
        Assert.NotEqual(HttpStatusCode.Forbidden, (await definitif.GetAsync("/api/referentiels/statut")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonyme.PostAsJsonAsync("/api/auth/token", new { login, password = code })).StatusCode);
        var liste = await admin.GetFromJsonAsync<JsonElement[]>($"/api/etablissements/{uai}/utilisateurs?manuel=true");
        Assert.False(liste!.Single(u => u.GetProperty("login").GetString() == login).GetProperty("codeProvisoireEnAttente").GetBoolean());
    }

    [Fact]
    public async Task The_key_of_the_temporary_codes_is_created_once_when_two_transactions_race_for_it()
    {
        var (uai, _) = await EtablissementAsync();
        var etablissement = await factory.EtablissementIdAsync(uai);
        await using var premier = factory.Services.CreateAsyncScope();
        var uniteDeTravail = premier.ServiceProvider.GetRequiredService<UnitOfWork>();
        await uniteDeTravail.BeginAsync(default);
        using var cle = await premier.ServiceProvider.GetRequiredService<CodesProvisoires>().CleAsync(etablissement, default);

        var concurrente = Task.Run(async () =>
        {
            await using var second = factory.Services.CreateAsyncScope();
            var sienne = second.ServiceProvider.GetRequiredService<UnitOfWork>();
            await sienne.BeginAsync(default);
            var lue = await second.ServiceProvider.GetRequiredService<CodesProvisoires>().CleAsync(etablissement, default);
            await sienne.CompleteAsync(default);
            return lue;
        });
        await Task.Delay(300);
        Assert.False(concurrente.IsCompleted);
        var compte = Guid.NewGuid();
        var chiffre = cle.Chiffrer(compte, "abcDEF234xyz");
        await uniteDeTravail.CompleteAsync(default);

        using var autre = await concurrente;
        Assert.Equal("abcDEF234xyz", autre.Dechiffrer(compte, chiffre));
        Assert.ThrowsAny<CryptographicException>(() => autre.Dechiffrer(Guid.NewGuid(), chiffre));
    }

    [Fact]
    public async Task Namesakes_get_distinct_logins_and_invalid_fields_get_french_messages()
    {
        var (uai, admin) = await EtablissementAsync();
        var premier = await CreerAsync(admin, uai, "Jean", "Homonyme", Profils.Enseignant);
        var second = await CreerAsync(admin, uai, "Jean", "Homonyme", Profils.Enseignant);
        Assert.NotEqual(premier.GetProperty("login").GetString(), second.GetProperty("login").GetString());

        var response = await admin.PostAsJsonAsync($"/api/etablissements/{uai}/utilisateurs", new
        {
            civilite = "Dr", nom = "", prenom = "Paul", dateNaissance = "2999-01-01", email = "pas-une-adresse", profil = "Pirate",
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["La civilité est « M. » ou « Mme »."], problem.Errors("civilite"));
        Assert.Equal(["Le nom est obligatoire."], problem.Errors("nom"));
        Assert.Equal(["La date de naissance doit être une date passée, après 1900."], problem.Errors("dateNaissance"));
        Assert.Equal(["L'adresse électronique n'est pas valide."], problem.Errors("email"));
        Assert.NotEmpty(problem.Errors("profil"));
        var tous = await admin.GetFromJsonAsync<JsonElement[]>($"/api/etablissements/{uai}/utilisateurs?recherche=paul");
        Assert.Empty(tous!);
    }

    [Fact]
    public async Task Edits_are_kept_and_a_stale_copy_gets_409()
    {
        var (uai, admin) = await EtablissementAsync();
        var cree = await CreerAsync(admin, uai, "Marc", "Ancien", Profils.Enseignant);
        var id = cree.GetProperty("id").GetGuid();
        var version = cree.GetProperty("version").GetUInt32();

        var response = await admin.PutAsJsonAsync($"/api/etablissements/{uai}/utilisateurs/{id}", new
        {
            civilite = "M.", nom = "Nouveau", prenom = "Marc", email = "marc@example.org", profils = new[] { Profils.Enseignant, Profils.Ddftp }, version,
        });
        var modifie = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Nouveau", modifie.GetProperty("nom").GetString());
        Assert.Equal(cree.GetProperty("login").GetString(), modifie.GetProperty("login").GetString());
        Assert.Equal([Profils.Enseignant, Profils.Ddftp], modifie.GetProperty("profils").EnumerateArray().Select(p => p.GetString()));

        var perime = await admin.PutAsJsonAsync($"/api/etablissements/{uai}/utilisateurs/{id}", new
        {
            nom = "Écrasé", prenom = "Marc", profils = new[] { Profils.Enseignant }, version,
        });
        Assert.Contains("modifié par quelqu'un d'autre", (await perime.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var liste = await admin.GetFromJsonAsync<JsonElement[]>($"/api/etablissements/{uai}/utilisateurs?recherche=nouveau");
        Assert.Equal("Nouveau", Assert.Single(liste!).GetProperty("nom").GetString());
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_until_reactivated_and_nobody_deactivates_themselves()
    {
        var uai = await factory.CreerEtablissementAsync();
        var adminLogin = await factory.CreerUtilisateurAsync(uai, Profils.Administrateur);
        using var admin = await factory.ClientAsync(adminLogin);
        var login = await factory.CreerUtilisateurAsync(uai, Profils.Enseignant);
        var utilisateurs = await admin.GetFromJsonAsync<JsonElement[]>($"/api/etablissements/{uai}/utilisateurs");
        var id = utilisateurs!.Single(u => u.GetProperty("login").GetString() == login).GetProperty("id").GetGuid();
        var moi = utilisateurs!.Single(u => u.GetProperty("login").GetString() == adminLogin).GetProperty("id").GetGuid();
        using var anonyme = factory.CreateClient();
        using var session = await factory.ClientAsync(login);
        using var navigateur = await PortailAsync(login, CproFactory.MotDePasse);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/referentiels/statut")).StatusCode);

        var desactive = await admin.PutAsJsonAsync($"/api/etablissements/{uai}/utilisateurs/{id}/actif", new { actif = false });
        Assert.False((await desactive.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("actif").GetBoolean());
        // Its token and its cookie, still valid in time, no longer work.
        var coupee = await session.GetAsync("/api/referentiels/statut");
        Assert.Equal("Compte désactivé", (await coupee.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("title").GetString());
        await AssertRenvoyeALaConnexionAsync(navigateur);
        var refuse = await anonyme.PostAsJsonAsync("/api/auth/token", new { login, password = CproFactory.MotDePasse });
        Assert.Contains("désactivé", (await refuse.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        await admin.PutAsJsonAsync($"/api/etablissements/{uai}/utilisateurs/{id}/actif", new { actif = true });
        using var nouvelle = await factory.ClientAsync(login);
        Assert.Equal(HttpStatusCode.OK, (await nouvelle.GetAsync("/api/referentiels/statut")).StatusCode);
        // Reactivation opens no session ended by the deactivation.
        await AssertSessionExpireeAsync(session);
        var soi = await admin.PutAsJsonAsync($"/api/etablissements/{uai}/utilisateurs/{moi}/actif", new { actif = false });
        Assert.Equal("Vous ne pouvez pas désactiver votre propre compte.", (await soi.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one_with_a_temporary_one_sent_by_email()
    {
        var (uai, admin) = await EtablissementAsync();
        var email = $"{Guid.NewGuid():N}@example.org";
        var cree = await CreerAsync(admin, uai, "Zoé", "Oublieuse", Profils.Enseignant, email);
        var login = cree.GetProperty("login").GetString()!;
        var premierCode = CodeDans(await factory.CourrielAsync(email));

        var response = await admin.PostAsync($"/api/etablissements/{uai}/utilisateurs/{cree.GetProperty("id").GetGuid()}/mot-de-passe-provisoire", null);

        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("courrielEnvoye").GetBoolean());
        var code = CodeDans(await factory.CourrielAsync(email, "nouveau mot de passe provisoire"));
        Assert.NotEqual(premierCode, code);
        using var anonyme = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonyme.PostAsJsonAsync("/api/auth/token", new { login, password = premierCode })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonyme.PostAsJsonAsync("/api/auth/token", new { login, password = code })).StatusCode);
    }

    [Fact]
    public async Task A_token_issued_before_its_owner_changes_the_password_is_refused_after_it_while_a_new_one_works()
    {
        var uai = await factory.CreerEtablissementAsync();
        var login = await factory.CreerUtilisateurAsync(uai, Profils.Enseignant);
        using var avant = await factory.ClientAsync(login);
        Assert.Equal(HttpStatusCode.OK, (await avant.GetAsync("/api/referentiels/statut")).StatusCode);

        using var anonyme = factory.CreateClient();
        var change = await anonyme.PostAsJsonAsync("/api/auth/mot-de-passe",
            new { login, motDePasseActuel = CproFactory.MotDePasse, nouveauMotDePasse = "Une-Autre-Phrase-2026" });
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);

        await AssertSessionExpireeAsync(avant);
        // The authentication routes still answer a client that sends its expired token along.
        Assert.Equal(HttpStatusCode.OK, (await avant.PostAsJsonAsync("/api/auth/token", new { login, password = "Une-Autre-Phrase-2026" })).StatusCode);
        using var apres = await factory.ClientAsync(login, "Une-Autre-Phrase-2026");
        Assert.Equal(HttpStatusCode.OK, (await apres.GetAsync("/api/referentiels/statut")).StatusCode);
    }

    [Fact]
    public async Task A_token_issued_before_an_administrators_reset_is_refused_after_it_and_so_is_the_temporary_ones_once_a_password_is_chosen()
    {
        var (uai, admin) = await EtablissementAsync();
        var email = $"{Guid.NewGuid():N}@example.org";
        var cree = await CreerAsync(admin, uai, "Rémi", "Oublieux", Profils.Enseignant, email);
        var login = cree.GetProperty("login").GetString()!;
        var premierCode = CodeDans(await factory.CourrielAsync(email));
        using (var anonyme = factory.CreateClient())
        {
            (await anonyme.PostAsJsonAsync("/api/auth/mot-de-passe",
                new { login, motDePasseActuel = premierCode, nouveauMotDePasse = "Premiere-Phrase-2026" })).EnsureSuccessStatusCode();
        }
        using var avant = await factory.ClientAsync(login, "Premiere-Phrase-2026");
        Assert.Equal(HttpStatusCode.OK, (await avant.GetAsync("/api/referentiels/statut")).StatusCode);

        (await admin.PostAsync($"/api/etablissements/{uai}/utilisateurs/{cree.GetProperty("id").GetGuid()}/mot-de-passe-provisoire", null)).EnsureSuccessStatusCode();

        await AssertSessionExpireeAsync(avant);
        var code = CodeDans(await factory.CourrielAsync(email, "nouveau mot de passe provisoire"));
        using var provisoire = await factory.ClientAsync(login, code);
        // Accepted, but sent to choose a password first.
        await (await provisoire.GetAsync("/api/referentiels/statut")).AssertProblemAsync(HttpStatusCode.Forbidden);
        using (var anonyme = factory.CreateClient())
        {
            (await anonyme.PostAsJsonAsync("/api/auth/mot-de-passe",
                new { login, motDePasseActuel = code, nouveauMotDePasse = "Seconde-Phrase-2026" })).EnsureSuccessStatusCode();
        }
        await AssertSessionExpireeAsync(provisoire);
        using var apres = await factory.ClientAsync(login, "Seconde-Phrase-2026");
        Assert.Equal(HttpStatusCode.OK, (await apres.GetAsync("/api/referentiels/statut")).StatusCode);
    }

    [Fact]
    public async Task A_password_changed_in_one_browser_ends_the_others_while_that_one_stays_signed_in()
    {
        var uai = await factory.CreerEtablissementAsync();
        var login = await factory.CreerUtilisateurAsync(uai, Profils.Enseignant);
        using var autre = await PortailAsync(login, CproFactory.MotDePasse);
        using var celuiCi = await PortailAsync(login, CproFactory.MotDePasse);
        Assert.Equal(HttpStatusCode.OK, (await autre.GetAsync("/")).StatusCode);

        var formulaire = await celuiCi.GetStringAsync("/mot-de-passe");
        var change = await celuiCi.PostAsync("/mot-de-passe", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "mot-de-passe", ["__RequestVerificationToken"] = Jeton(formulaire), ["Input.MotDePasseActuel"] = CproFactory.MotDePasse,
            ["Input.NouveauMotDePasse"] = "Une-Phrase-Du-Portail-2026", ["Input.Confirmation"] = "Une-Phrase-Du-Portail-2026",
        }));

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.EndsWith("/?motdepasse=change", change.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await celuiCi.GetAsync("/")).StatusCode);
        await AssertRenvoyeALaConnexionAsync(autre);
    }

    [Fact]
    public async Task Signed_in_with_a_temporary_password_the_portal_does_not_ask_it_again_but_the_api_does()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var admin = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        var cree = await (await admin.PostAsJsonAsync($"/api/etablissements/{uai}/utilisateurs",
            new { nom = "Neuve", prenom = "Nora", email = "nora.neuve@example.org", profil = Profils.Enseignant })).Content.ReadFromJsonAsync<JsonElement>();
        var login = cree.GetProperty("login").GetString()!;
        var code = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/etablissements/{uai}/acces?public=personnels"))!
            .Single(a => a.GetProperty("login").GetString() == login).GetProperty("code").GetString()!;
        using var navigateur = factory.CreateClient(new() { AllowAutoRedirect = false });
        var connexion = await navigateur.GetStringAsync("/connexion");
        Assert.Equal(HttpStatusCode.Redirect, (await navigateur.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "connexion", ["__RequestVerificationToken"] = Jeton(connexion), ["Input.Login"] = login, ["Input.Password"] = code,
        }))).StatusCode);

        var formulaire = await navigateur.GetStringAsync("/mot-de-passe");
        Assert.DoesNotContain("Mot de passe actuel", formulaire, StringComparison.Ordinal);
        var meme = await navigateur.PostAsync("/mot-de-passe", Choix(formulaire, code));
        Assert.Contains("Le nouveau mot de passe doit être différent de l&#x27;actuel.", await meme.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var change = await navigateur.PostAsync("/mot-de-passe", Choix(formulaire, "Ma-Phrase-Choisie-2026"));

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await navigateur.GetAsync("/")).StatusCode);
        // The form now asks for the current password again: the session no longer holds a temporary one.
        Assert.Contains("Mot de passe actuel", await navigateur.GetStringAsync("/mot-de-passe"), StringComparison.Ordinal);
        using var definitif = await factory.ClientAsync(login, "Ma-Phrase-Choisie-2026");
        Assert.Equal(HttpStatusCode.OK, (await definitif.GetAsync("/api/referentiels/statut")).StatusCode);

        static FormUrlEncodedContent Choix(string formulaire, string nouveau) => new(new Dictionary<string, string>
        {
            ["_handler"] = "mot-de-passe", ["__RequestVerificationToken"] = Jeton(formulaire), ["Input.NouveauMotDePasse"] = nouveau, ["Input.Confirmation"] = nouveau,
        });
    }

    [Fact]
    public async Task Accounts_are_only_made_for_the_people_prepared_for()
    {
        var etablissement = await factory.EtablissementIdAsync(await factory.CreerEtablissementAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        var comptes = scope.ServiceProvider.GetRequiredService<Comptes>();
        var logins = new List<string>();

        // An import prepares its candidates before comparing its files: whoever the comparison did not foresee gets no
        // account, rather than one made without the logins the preparation looked up.
        var erreur = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<UnitOfWork>()
            .InTransactionAsync(async _ =>
            {
                await using var preparation = await comptes.PreparerAsync(etablissement, [("Léa", "Martin"), ("Léa", "Martin")], default);
                var crees = await Comptes.CreerAsync(preparation,
                    [("Léa", "Martin", Profils.Eleve, Utilisateur.SourceSiecle), ("Léa", "Martin", Profils.Eleve, Utilisateur.SourceSiecle)], DateTimeOffset.UtcNow);
                logins.AddRange(crees.Select(c => c.Utilisateur.Identifiants.Login));
                await Comptes.CreerAsync(preparation, [("Hugo", "Petit", Profils.Eleve, Utilisateur.SourceSiecle)], DateTimeOffset.UtcNow);
            }, default));

        Assert.Contains("« hugo.petit »", erreur.Message, StringComparison.Ordinal);
        Assert.Equal(2, logins.Distinct().Count());
        Assert.All(logins, l => Assert.Matches("^lea\\.martin[0-9]*$", l));

        // Nor more of them than were prepared.
        var enTrop = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<UnitOfWork>()
            .InTransactionAsync(async _ =>
            {
                await using var preparation = await comptes.PreparerAsync(etablissement, [("Léa", "Martin")], default);
                await Comptes.CreerAsync(preparation,
                    [("Léa", "Martin", Profils.Eleve, Utilisateur.SourceSiecle), ("Léa", "Martin", Profils.Eleve, Utilisateur.SourceSiecle)], DateTimeOffset.UtcNow);
            }, default));
        Assert.Contains("2 personnes pour 1 candidats", enTrop.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_changed_through_another_instance_is_not_refused_by_this_ones_cache()
    {
        var uai = await factory.CreerEtablissementAsync();
        var login = await factory.CreerUtilisateurAsync(uai, Profils.Enseignant);
        using var avant = await factory.ClientAsync(login);
        Assert.Equal(HttpStatusCode.OK, (await avant.GetAsync("/api/referentiels/statut")).StatusCode);

        // As another instance would: the database changes, this instance's cache is not told.
        using (var scope = factory.Services.CreateScope())
        {
            await using var db = factory.Documents(await factory.EtablissementIdAsync(uai));
            var utilisateur = await db.Query<Utilisateur>().SingleAsync(u => u.Identifiants.Login == login);
            scope.ServiceProvider.GetRequiredService<Connexions>().DefinirMotDePasse(utilisateur.Identifiants, "Phrase-Venue-D-Ailleurs-2026");
            db.StoreRevision(utilisateur, utilisateur.Version);
            await db.SaveChangesAsync();
        }

        using var apres = await factory.ClientAsync(login, "Phrase-Venue-D-Ailleurs-2026");
        Assert.Equal(HttpStatusCode.OK, (await apres.GetAsync("/api/referentiels/statut")).StatusCode);
        // Read again for that refusal, the account's new state now ends the older token here too.
        await AssertSessionExpireeAsync(avant);
    }

    [Fact]
    public async Task Access_codes_of_imported_learners_are_listed_by_class_and_exported_as_safe_csv()
    {
        var (uai, admin) = await EtablissementAsync();
        var import = await admin.PostAsync($"/api/etablissements/{uai}/imports", Formulaire(("ElevesSansAdresses.xml", Octets(Eleves(uai,
        [
            new Eleve("7001", "170456789AB", "=HYPERLINK(\"http://x\")", "Léa", "1MELEC"),
            new Eleve("7002", "170456790AC", "BERNARD", "Hugo", "2MELEC1"),
        ])))));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        await CreerAsync(admin, uai, "Tom", "Tuteur", Profils.Tuteur);

        var acces = await admin.GetFromJsonAsync<JsonElement[]>($"/api/etablissements/{uai}/acces?public=apprenants&division=2MELEC1");
        var hugo = Assert.Single(acces!);
        Assert.Equal("BERNARD", hugo.GetProperty("nom").GetString());
        using (var anonyme = factory.CreateClient())
        {
            var token = await anonyme.PostAsJsonAsync("/api/auth/token", new { login = hugo.GetProperty("login").GetString(), password = hugo.GetProperty("code").GetString() });
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        }
        var csv = await admin.GetAsync($"/api/etablissements/{uai}/acces.csv?public=apprenants");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var octets = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), octets[..3]);
        var lignes = Encoding.UTF8.GetString(octets[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Division;Nom;Prénom;Profil;Identifiant;Mot de passe provisoire", lignes[0]);
        Assert.Equal(3, lignes.Length);
        Assert.StartsWith("1MELEC;\"'=HYPERLINK(\"\"http://x\"\")\";Léa;Élève;", lignes[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lignes, l => l.Contains("Tuteur", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Accounts_codes_and_emails_of_an_establishment_are_refused_to_other_establishments_and_other_profiles_and_codes_to_the_platform()
    {
        var (uai, _) = await EtablissementAsync();
        var (autre, etranger) = await EtablissementAsync();
        var victime = await factory.CreerUtilisateurAsync(uai, Profils.Enseignant);
        using var enseignant = await factory.ClientAsync(victime);
        using var plateforme = await factory.AdminClientAsync();
        var id = (await plateforme.GetFromJsonAsync<JsonElement[]>($"/api/etablissements/{uai}/utilisateurs"))!
            .Single(u => u.GetProperty("login").GetString() == victime).GetProperty("id").GetGuid();
        var corps = new { nom = "Pirate", prenom = "Pirate", email = "p@example.org", profil = Profils.Administrateur, profils = new[] { Profils.Administrateur }, actif = false, version = 0 };

        foreach (var client in new[] { etranger, enseignant })
        {
            await (await client.GetAsync($"/api/etablissements/{uai}/utilisateurs")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync($"/api/etablissements/{uai}/utilisateurs", corps)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PutAsJsonAsync($"/api/etablissements/{uai}/utilisateurs/{id}", corps)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PutAsJsonAsync($"/api/etablissements/{uai}/utilisateurs/{id}/actif", corps)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync($"/api/etablissements/{uai}/utilisateurs/{id}/mot-de-passe-provisoire", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/etablissements/{uai}/acces")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/etablissements/{uai}/acces.csv")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/etablissements/{uai}/courriels")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        // Temporary passwords are for the establishment's administrator to hand out, not for the platform's.
        foreach (var route in new[] { "acces", "acces.csv" })
        {
            var refus = await (await plateforme.GetAsync($"/api/etablissements/{uai}/{route}")).AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("Seul l'administrateur de cet établissement consulte ses mots de passe provisoires.", refus.GetProperty("detail").GetString());
        }
        // Through its own establishment, an administrator still cannot reach another's account.
        await (await etranger.PutAsJsonAsync($"/api/etablissements/{autre}/utilisateurs/{id}/actif", corps)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await etranger.PostAsync($"/api/etablissements/{autre}/utilisateurs/{id}/mot-de-passe-provisoire", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        using var anonyme = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonyme.PostAsJsonAsync("/api/auth/token", new { login = victime, password = CproFactory.MotDePasse })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonyme.GetAsync($"/api/etablissements/{uai}/utilisateurs")).StatusCode);
    }

    [Fact]
    public async Task The_administrator_reads_the_establishment_emails_in_the_outbox_and_the_platform_administrator_all_but_their_bodies()
    {
        var (uai, admin) = await EtablissementAsync();
        var email = $"{Guid.NewGuid():N}@example.org";
        await CreerAsync(admin, uai, "Inès", "Lectrice", Profils.Inspecteur, email);
        var code = CodeDans(await factory.CourrielAsync(email));
        using var plateforme = await factory.AdminClientAsync();

        var courriels = await admin.GetFromJsonAsync<JsonElement[]>($"/api/etablissements/{uai}/courriels");
        var vusDeLaPlateforme = await plateforme.GetStringAsync($"/api/etablissements/{uai}/courriels");

        var courriel = Assert.Single(courriels!);
        Assert.Equal(email, courriel.GetProperty("destinataire").GetString());
        Assert.Contains($"Mot de passe provisoire : {code}", courriel.GetProperty("corps").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, courriel.GetProperty("envoyeLe").ValueKind);
        Assert.EndsWith(".eml", courriel.GetProperty("transport").GetString(), StringComparison.Ordinal);
        var meta = Assert.Single(JsonSerializer.Deserialize<JsonElement[]>(vusDeLaPlateforme)!);
        Assert.Equal(email, meta.GetProperty("destinataire").GetString());
        Assert.Equal("Votre compte Cpro", meta.GetProperty("objet").GetString());
        Assert.Equal(courriel.GetProperty("envoyeLe").GetDateTimeOffset(), meta.GetProperty("envoyeLe").GetDateTimeOffset());
        Assert.True(!meta.TryGetProperty("corps", out var corps) || corps.ValueKind == JsonValueKind.Null, meta.ToString());
        Assert.DoesNotContain(code, vusDeLaPlateforme, StringComparison.Ordinal);
    }

    private async Task<(string Uai, HttpClient Admin)> EtablissementAsync()
    {
        var uai = await factory.CreerEtablissementAsync();
        return (uai, await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur)));
    }

    private static async Task<JsonElement> CreerAsync(HttpClient admin, string uai, string prenom, string nom, string profil, string? email = null)
    {
        var response = await admin.PostAsJsonAsync($"/api/etablissements/{uai}/utilisateurs", new
        {
            nom, prenom, email = email ?? $"{Guid.NewGuid():N}@example.org", profil,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A browser signed in to the portal through its form: it holds a cookie, not a token.</summary>
    private async Task<HttpClient> PortailAsync(string login, string motDePasse)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var formulaire = await client.GetStringAsync("/connexion");
        var connexion = await client.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "connexion", ["__RequestVerificationToken"] = Jeton(formulaire), ["Input.Login"] = login, ["Input.Password"] = motDePasse,
        }));
        Assert.Equal(HttpStatusCode.Redirect, connexion.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        return client;
    }

    /// <summary>Signed out and sent to the login page, then still anonymous.</summary>
    private static async Task AssertRenvoyeALaConnexionAsync(HttpClient navigateur)
    {
        var page = await navigateur.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/connexion", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cpro=;", StringComparison.Ordinal));
    }

    private static async Task AssertSessionExpireeAsync(HttpClient session)
    {
        var refusee = await session.GetAsync("/api/referentiels/statut");
        Assert.Equal("Session expirée", (await refusee.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("title").GetString());
    }

    private static string Jeton(string formulaire) => JetonRegex().Match(formulaire).Groups[1].Value;

    private static string CodeDans(string courriel) => CodeProvisoire().Match(courriel).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex JetonRegex();

    [GeneratedRegex(@"Mot de passe provisoire : (\S+)")]
    private static partial Regex CodeProvisoire();
}
