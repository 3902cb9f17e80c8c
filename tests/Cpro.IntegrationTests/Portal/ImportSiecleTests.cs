using System.Net;
using System.Text.RegularExpressions;
using Cpro.Etablissements;
using Cpro.Etablissements.Siecle;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Portal;

/// <summary>The import page's rights and its pending previews, through posted forms.</summary>
[Collection(CproCollection.Name)]
public sealed partial class ImportSiecleTests(CproFactory factory)
{
    private const string Page = "/administration/import";

    [Fact]
    public async Task The_import_form_marks_its_files_as_required()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var administrateur = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));

        Obligatoires.AssertMarques(await administrateur.GetStringAsync(Page), "Fichiers d'export");
    }

    [Fact]
    public async Task Learners_and_teachers_cannot_open_the_import_page()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var eleve = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Eleve));
        using var enseignant = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Enseignant));

        foreach (var client in new[] { eleve, enseignant })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/administration/etablissements/{uai}/import")).StatusCode);
        }
    }

    [Fact]
    public async Task An_administrator_of_another_establishment_gets_the_refusal_and_none_of_its_imports()
    {
        var uai = await factory.CreerEtablissementAsync();
        var autre = await factory.CreerEtablissementAsync();
        var loginAutre = await factory.CreerUtilisateurAsync(autre, Profils.Administrateur);
        using var administrateurAutre = await factory.ClientAsync(loginAutre);
        (await administrateurAutre.PostAsync($"/api/etablissements/{autre}/imports", Formulaire(Eleves(autre)))).EnsureSuccessStatusCode();
        using var administrateur = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        using var plateforme = await factory.AdminClientAsync();

        var page = await LireAsync(administrateur, $"/administration/etablissements/{autre}/import");

        Assert.Contains("Seul un administrateur de cet établissement ou de la plateforme peut le paramétrer.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(loginAutre, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Historique des imports", page, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"file\"", page, StringComparison.Ordinal);
        Assert.Contains(loginAutre, await LireAsync(plateforme, $"/administration/etablissements/{autre}/import"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/administration/etablissements/{autre}/import\"", await LireAsync(plateforme, "/administration/etablissements"), StringComparison.Ordinal);
        Assert.Contains("Aucun import pour le moment.", await LireAsync(administrateur, Page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_user_who_previewed_confirms_and_only_once()
    {
        var uai = await factory.CreerEtablissementAsync();
        var autre = await factory.CreerEtablissementAsync();
        using var administrateur = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        using var collegue = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        using var administrateurAutre = await factory.ClientAsync(await factory.CreerUtilisateurAsync(autre, Profils.Administrateur));
        using var plateforme = await factory.AdminClientAsync();

        var apercu = await EnvoyerAsync(administrateur, Page, "fichiers", [("Mode", "previsualisation")], ("ElevesSansAdresses.xml", Octets(Eleves(uai))));
        Assert.Contains("Prévisualisation : rien n'a été enregistré.", apercu, StringComparison.Ordinal);
        var attente = AttenteRegex().Match(apercu).Groups[1].Value;
        Assert.True(Directory.Exists(Path.Combine(ImportsEnAttente.Racine, Guid.Parse(attente).ToString("N"))));

        foreach (var (client, url) in new[] { (collegue, Page), (administrateurAutre, Page), (plateforme, $"/administration/etablissements/{uai}/import") })
        {
            var refus = await EnvoyerAsync(client, url, "confirmation", [("Attente", attente)]);
            Assert.Contains("Seul l'utilisateur qui a prévisualisé ces fichiers peut en confirmer l'import, dans le même établissement.", refus, StringComparison.Ordinal);
            Assert.DoesNotContain("Import terminé.", refus, StringComparison.Ordinal);
        }
        Assert.Equal((0, 0), await factory.EcritAsync(uai));
        Assert.Equal((0, 0), await factory.EcritAsync(autre));

        Assert.Contains("Import terminé.", await EnvoyerAsync(administrateur, Page, "confirmation", [("Attente", attente)]), StringComparison.Ordinal);
        Assert.Equal((1, 1), await factory.EcritAsync(uai));
        Assert.False(Directory.Exists(Path.Combine(ImportsEnAttente.Racine, Guid.Parse(attente).ToString("N"))));
        var encore = await EnvoyerAsync(administrateur, Page, "confirmation", [("Attente", attente)]);
        Assert.Contains("Cette prévisualisation a expiré ou a déjà été importée : déposez à nouveau les fichiers.", encore, StringComparison.Ordinal);
        Assert.Equal((1, 1), await factory.EcritAsync(uai));
    }

    [Fact]
    public async Task Previewed_files_wait_encrypted_and_an_altered_one_is_refused_in_French()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var administrateur = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));

        var apercu = await EnvoyerAsync(administrateur, Page, "fichiers", [("Mode", "previsualisation")], ("ElevesSansAdresses.xml", Octets(Eleves(uai))));

        var dossier = Path.Combine(ImportsEnAttente.Racine, Guid.Parse(AttenteRegex().Match(apercu).Groups[1].Value).ToString("N"));
        var fichier = Assert.Single(Directory.GetFiles(dossier), f => !f.EndsWith(".json", StringComparison.Ordinal));
        var stocke = await File.ReadAllBytesAsync(fichier);
        foreach (var clair in new[] { "BEE_ELEVES", "MARTIN", "120456789AB" })
        {
            Assert.Equal(-1, stocke.AsSpan().IndexOf(System.Text.Encoding.Latin1.GetBytes(clair)));
        }
        stocke[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(fichier, stocke);
        var refus = await EnvoyerAsync(administrateur, Page, "confirmation", [("Attente", AttenteRegex().Match(apercu).Groups[1].Value)]);
        Assert.Contains("Les fichiers de cette prévisualisation ne peuvent plus être lus sur le serveur : déposez-les à nouveau.", refus, StringComparison.Ordinal);
        Assert.Equal((0, 0), await factory.EcritAsync(uai));
    }

    [Fact]
    public async Task Import_without_preview_writes_at_once_and_no_file_or_too_much_is_refused_in_French()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var administrateur = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));

        var vide = await EnvoyerAsync(administrateur, Page, "fichiers", [("Mode", "import")]);
        var trop = await EnvoyerAsync(administrateur, Page, "fichiers", [("Mode", "import")],
            ("gros.xml", new byte[(int)(CproFactory.ImportMaxMo * 1024 * 1024) + 1]));

        Assert.Contains("Choisissez au moins un fichier d'export", vide, StringComparison.Ordinal);
        Assert.Contains($"Les fichiers dépassent la taille autorisée ({CproFactory.ImportMaxMo} Mo).", trop, StringComparison.Ordinal);
        Assert.Equal((0, 0), await factory.EcritAsync(uai));

        var import = await EnvoyerAsync(administrateur, Page, "fichiers", [("Mode", "import")], ("ElevesSansAdresses.xml", Octets(Eleves(uai))));

        Assert.Contains("Import terminé.", import, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirmer l'import", import, StringComparison.Ordinal);
        Assert.Equal((1, 1), await factory.EcritAsync(uai));
    }

    private static string Eleves(string uai) => Siecle.Fixtures.Eleves(uai, [new Eleve("1001", "120456789AB", "MARTIN", "Léa", "2MELEC1")]);

    private static MultipartFormDataContent Formulaire(string xml) => Siecle.Fixtures.Formulaire(("ElevesSansAdresses.xml", Octets(xml)));

    /// <summary>The page's HTML, decoded (French apostrophes come encoded).</summary>
    private static async Task<string> LireAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, html);
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>Posts a form of the page as the browser does: its name, the antiforgery token of a fresh copy, fields, files.</summary>
    private static async Task<string> EnvoyerAsync(HttpClient client, string url, string formulaire, (string Nom, string Valeur)[] champs,
        params (string Nom, byte[] Contenu)[] fichiers)
    {
        var jeton = JetonRegex().Match(await LireAsync(client, url)).Groups[1].Value;
        using var contenu = Siecle.Fixtures.Formulaire(fichiers);
        contenu.Add(new StringContent(formulaire), "_handler");
        contenu.Add(new StringContent(jeton), "__RequestVerificationToken");
        foreach (var (nom, valeur) in champs)
        {
            contenu.Add(new StringContent(valeur), nom);
        }
        var response = await client.PostAsync(url, contenu);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, html);
        return WebUtility.HtmlDecode(html);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex JetonRegex();

    [GeneratedRegex("name=\"Attente\" value=\"([^\"]+)\"")]
    private static partial Regex AttenteRegex();
}
