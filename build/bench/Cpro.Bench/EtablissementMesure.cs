using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cpro.Bench;

/// <summary>A made-up establishment set up through the API only, as the bancs share it: created by the platform
/// administrator, its administrator choosing their password from the temporary code read in the email the host wrote to
/// the bench's outbox, a SIECLE / STS-web import (learners in divisions, staff), a DDFTP, and the access codes of every
/// account, from which each user of a banc chooses their password as at a first sign-in.</summary>
internal sealed partial class EtablissementMesure : IDisposable
{
    public const string Referentiel = "BACPRO-MELEC";

    private readonly Uri _adresse;
    private readonly string _motDePasse;
    private readonly List<JsonElement> _acces;

    private EtablissementMesure(string uai, ExportsSynthetiques export, Hote admin, List<JsonElement> acces, Uri adresse, string motDePasse, string courriels)
    {
        (Uai, Export, Admin, _acces, _adresse, _motDePasse, Courriels) = (uai, export, admin, acces, adresse, motDePasse, courriels);
    }

    public string Uai { get; }

    public ExportsSynthetiques Export { get; }

    /// <summary>The establishment's administrator, signed in with a bearer token.</summary>
    public Hote Admin { get; }

    /// <summary>The host's outbox (CPRO_MAIL_DIR).</summary>
    public string Courriels { get; }

    /// <summary>Imports <paramref name="divisions"/> divisions of <paramref name="parDivision"/> learners (division D000, D001…)
    /// and <paramref name="personnels"/> teachers, without guardians, and creates the DDFTP « MESURE Directrice ».</summary>
    public static async Task<EtablissementMesure> CreerAsync(Hote plateforme, Uri adresse, string courriels, string motDePasse, int divisions, int parDivision,
        int personnels)
    {
        var uai = Mesures.Uai();
        await plateforme.CreerEtablissementAsync(uai);
        var email = $"admin.{uai.ToLowerInvariant()}@example.org";
        var cree = await plateforme.JsonAsync(HttpMethod.Post, $"/api/etablissements/{uai}/utilisateurs",
            new { nom = "MESURE", prenom = "Administrateur", email, profil = "Administrateur" });
        var admin = new Hote(adresse);
        var loginAdmin = cree.GetProperty("login").GetString()!;
        await admin.JsonAsync(HttpMethod.Post, "/api/auth/mot-de-passe",
            new { login = loginAdmin, motDePasseActuel = CodeProvisoire(await CourrielAsync(courriels, email)), nouveauMotDePasse = motDePasse });
        await admin.ConnecterAsync(loginAdmin, motDePasse);
        var export = new ExportsSynthetiques(uai, Mesures.AnneeScolaire(), divisions * parDivision, 0, personnels, divisions);
        await admin.ImporterAsync(uai, [.. export.Fichiers().Where(f => f.Nom != "ResponsablesAvecAdresses.xml")]);
        await admin.JsonAsync(HttpMethod.Post, $"/api/etablissements/{uai}/utilisateurs",
            new { nom = "MESURE", prenom = "Directrice", email = $"ddftp.{uai.ToLowerInvariant()}@example.org", profil = "Ddftp" });
        var acces = (await admin.JsonAsync(HttpMethod.Get, $"/api/etablissements/{uai}/acces?public=tous")).EnumerateArray().ToList();
        return new EtablissementMesure(uai, export, admin, acces, adresse, motDePasse, courriels);
    }

    /// <summary>The one account <paramref name="qui"/> picks among the access codes: it chooses its password (as at a first
    /// sign-in); its login.</summary>
    public async Task<string> ChoisirMotDePasseAsync(Func<JsonElement, bool> qui)
    {
        var compte = _acces.Single(qui);
        var login = compte.GetProperty("login").GetString()!;
        await ChoisirMotDePasseAsync(login, compte.GetProperty("code").GetString()!);
        return login;
    }

    /// <summary>The account chooses its password from its temporary code.</summary>
    public async Task ChoisirMotDePasseAsync(string login, string code)
    {
        using var anonyme = new Hote(_adresse);
        await anonyme.JsonAsync(HttpMethod.Post, "/api/auth/mot-de-passe", new { login, motDePasseActuel = code, nouveauMotDePasse = _motDePasse });
    }

    /// <summary>That account, its password chosen, signed in with a bearer token.</summary>
    public async Task<Hote> SessionAsync(Func<JsonElement, bool> qui) => await ConnecterAsync(await ChoisirMotDePasseAsync(qui));

    /// <summary>An account whose password is chosen, signed in with a bearer token.</summary>
    public async Task<Hote> ConnecterAsync(string login)
    {
        var session = new Hote(_adresse);
        await session.ConnecterAsync(login, _motDePasse);
        return session;
    }

    public Task<Hote> DdftpAsync() => SessionAsync(c => Nomme(c, "Ddftp", "MESURE", "Directrice"));

    /// <summary>The DDFTP subscribes the establishment to <see cref="Referentiel"/> with these divisions in Seconde.</summary>
    public static Task AbonnerAsync(Hote ddftp, IEnumerable<string> divisions) =>
        ddftp.JsonAsync(HttpMethod.Put, $"/api/referentiels/abonnements/{Referentiel}",
            new { niveaux = new[] { new { niveauClasse = "SECONDE", divisions = divisions.ToArray() } } });

    /// <summary>Made-up names repeat between learners and staff: the profile tells them apart.</summary>
    public static bool Nomme(JsonElement compte, string profil, string? nom, string? prenom) =>
        compte.GetProperty("profils").EnumerateArray().Any(p => p.GetString() == profil)
        && compte.GetProperty("nom").GetString() == nom && compte.GetProperty("prenom").GetString() == prenom;

    /// <summary>The email sent to that address (the first that holds <paramref name="contient"/>), once the host's outbox has written it.</summary>
    public static async Task<string> CourrielAsync(string courriels, string destinataire, string contient = "Mot de passe provisoire : ")
    {
        for (var essai = 0; essai < 300; essai++)
        {
            foreach (var fichier in Directory.Exists(courriels) ? Directory.GetFiles(courriels, "*.eml") : [])
            {
                var contenu = await File.ReadAllTextAsync(fichier);
                if (contenu.Contains($"To: {destinataire}\r\n", StringComparison.Ordinal) && contenu.Contains(contient, StringComparison.Ordinal))
                {
                    return contenu;
                }
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"Aucun courriel pour {destinataire} dans {courriels}.");
    }

    public static string CodeProvisoire(string courriel) => CodeProvisoireRegex().Match(courriel).Groups[1].Value;

    public static string Identifiant(string courriel) => IdentifiantRegex().Match(courriel).Groups[1].Value;

    [GeneratedRegex(@"Mot de passe provisoire : (\S+)")]
    private static partial Regex CodeProvisoireRegex();

    [GeneratedRegex(@"Identifiant : (\S+)")]
    private static partial Regex IdentifiantRegex();

    public void Dispose() => Admin.Dispose();
}
