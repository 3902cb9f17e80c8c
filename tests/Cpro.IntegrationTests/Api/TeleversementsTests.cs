using System.Net;
using System.Net.Http.Headers;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Kernel.Identity;

namespace Cpro.IntegrationTests.Api;

/// <summary>The four upload routes: rights are checked before the body is read, and a body that is not a readable
/// multipart form is a French 400, never a 500.</summary>
[Collection(CproCollection.Name)]
public sealed class TeleversementsTests(CproFactory factory)
{
    public static TheoryData<string> Corps => new() { "tronque", "sans-frontiere" };

    [Theory]
    [MemberData(nameof(Corps))]
    public async Task A_malformed_body_is_a_French_400_on_every_upload_route_for_whoever_may_upload(string corps)
    {
        using var equipe = await EquipeScenarios.CreerAsync(factory);
        var scenario = (await equipe.ScenarioAsync()).GetProperty("id").GetGuid();
        using var administrateur = await factory.ClientAsync(await factory.CreerUtilisateurAsync(equipe.Uai, Profils.Administrateur));
        using var plateforme = await factory.AdminClientAsync();

        foreach (var (client, methode, route, partie) in Routes(equipe.Uai, scenario, administrateur, equipe.Auteur, plateforme))
        {
            var reponse = await client.SendAsync(new HttpRequestMessage(methode, route) { Content = await MalformeAsync(corps, partie) });

            var probleme = await reponse.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("multipart/form-data", probleme.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("Requête invalide", probleme.GetProperty("title").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Corps))]
    public async Task Whoever_may_not_upload_is_refused_before_the_body_is_read(string corps)
    {
        using var equipe = await EquipeScenarios.CreerAsync(factory);
        var scenario = (await equipe.ScenarioAsync()).GetProperty("id").GetGuid();
        using var administrateurAutre = await factory.ClientAsync(await factory.CreerUtilisateurAsync(equipe.AutreUai, Profils.Administrateur));

        // Another establishment's administrator (import, logo, référentiel), a colleague who is not co-author and a
        // teacher of another establishment (resources): refused, whatever the body.
        var refus = new (HttpClient Client, HttpMethod Methode, string Route, string Partie, HttpStatusCode Statut)[]
        {
            (administrateurAutre, HttpMethod.Post, $"/api/etablissements/{equipe.Uai}/imports", "files", HttpStatusCode.Forbidden),
            (administrateurAutre, HttpMethod.Put, $"/api/etablissements/{equipe.Uai}/logo", "logo", HttpStatusCode.Forbidden),
            (equipe.Collegue, HttpMethod.Post, $"/api/scenarios/{scenario}/ressources", "fichier", HttpStatusCode.Forbidden),
            (equipe.Etranger, HttpMethod.Post, $"/api/scenarios/{scenario}/ressources", "fichier", HttpStatusCode.NotFound),
            (administrateurAutre, HttpMethod.Post, "/api/referentiels", "fichier", HttpStatusCode.Forbidden),
            (equipe.Ddftp, HttpMethod.Post, $"/api/etablissements/{equipe.Uai}/imports", "files", HttpStatusCode.Forbidden),
        };
        foreach (var (client, methode, route, partie, statut) in refus)
        {
            var reponse = await client.SendAsync(new HttpRequestMessage(methode, route) { Content = await MalformeAsync(corps, partie) });

            await reponse.AssertProblemAsync(statut);
        }
    }

    private static (HttpClient, HttpMethod, string, string)[] Routes(string uai, Guid scenario, HttpClient administrateur, HttpClient auteur,
        HttpClient plateforme) =>
    [
        (administrateur, HttpMethod.Post, $"/api/etablissements/{uai}/imports", "files"),
        (administrateur, HttpMethod.Put, $"/api/etablissements/{uai}/logo", "logo"),
        (auteur, HttpMethod.Post, $"/api/scenarios/{scenario}/ressources", "fichier"),
        (plateforme, HttpMethod.Post, "/api/referentiels", "fichier"),
    ];

    /// <summary>A form cut in the middle of its file (the end boundary never comes), or one whose type names no boundary.</summary>
    private static async Task<HttpContent> MalformeAsync(string corps, string partie)
    {
        var formulaire = new MultipartFormDataContent("frontiere-cpro");
        formulaire.Add(new ByteArrayContent(new byte[4096]), partie, "fichier.bin");
        var octets = await formulaire.ReadAsByteArrayAsync();
        var contenu = new ByteArrayContent(corps == "tronque" ? octets[..(octets.Length / 2)] : octets);
        contenu.Headers.ContentType = corps == "tronque"
            ? formulaire.Headers.ContentType
            : new MediaTypeHeaderValue("multipart/form-data");
        return contenu;
    }
}
