using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Kernel.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.IntegrationTests.Periodes;

/// <summary>What the company period tests start from: the <see cref="Classe"/> establishment, annexes written straight to
/// the store (their API is another slice's), a learner turned apprentice, and a tutor's first sign-in.</summary>
internal static partial class EntrepriseDonnees
{
    public static readonly string[] TachesAnnexe = ["T2.1", "T2.3"];

    public static Task<Guid> EtablissementAsync(CproFactory factory, string uai) => factory.EtablissementIdAsync(uai);

    public static object Fiche(string email, string siret = "73282932000074", string nom = "DUPONT", string prenom = "Claire") => new
    {
        entrepriseNom = "Élec Services", entrepriseSiret = siret, entrepriseAdresse = "12 rue des Ampères, 75011 Paris",
        tuteurNom = nom, tuteurPrenom = prenom, tuteurEmail = email, tuteurTelephone = "01 23 45 67 89",
    };

    public static async Task<JsonElement> DeclarerAsync(HttpClient ddftp, object corps)
    {
        var reponse = await ddftp.PostAsJsonAsync("/api/periodes/entreprise", corps);
        Assert.True(reponse.StatusCode == System.Net.HttpStatusCode.Created, await reponse.Content.ReadAsStringAsync());
        return await reponse.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The tutor reads their credentials in the email, then chooses their password, as at a first sign-in.</summary>
    public static async Task<HttpClient> TuteurAsync(CproFactory factory, string email)
    {
        var courriel = await factory.CourrielAsync(email, "Mot de passe provisoire");
        var login = Identifiant().Match(courriel).Groups[1].Value;
        var code = CodeProvisoire().Match(courriel).Groups[1].Value;
        using var anonyme = factory.CreateClient();
        var changement = await anonyme.PostAsJsonAsync("/api/auth/mot-de-passe", new { login, motDePasseActuel = code, nouveauMotDePasse = Classe.MotDePasse });
        changement.EnsureSuccessStatusCode();
        return await Classe.ClientAsync(factory, login);
    }

    public static string[] Prenoms(JsonElement periode) =>
        [.. periode.GetProperty("apprenants").EnumerateArray().Select(a => a.GetProperty("prenom").GetString()!).Order()];

    [GeneratedRegex(@"Identifiant : (\S+)")]
    private static partial Regex Identifiant();

    [GeneratedRegex(@"Mot de passe provisoire : (\S+)")]
    private static partial Regex CodeProvisoire();
}
