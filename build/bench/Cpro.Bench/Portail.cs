using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Cpro.Bench;

/// <summary>The portal's pages as a browser opens them: one user signed in through the sign-in page (antiforgery token,
/// then the authentication cookie), redirects not followed, nothing decompressed (what is counted is what the host sends).</summary>
internal sealed partial class Portail : IDisposable
{
    private readonly HttpClient _http;

    private Portail(Uri adresse)
    {
        var gestionnaire = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(gestionnaire) { BaseAddress = adresse, Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>Opens /connexion, posts the form with its antiforgery token, and checks the answer is the redirect a
    /// successful sign-in gives and that the cookie opens /portfolio.</summary>
    public static async Task<Portail> ConnecterAsync(Uri adresse, string login, string motDePasse)
    {
        var portail = new Portail(adresse);
        var page = await portail._http.GetStringAsync(new Uri("/connexion", UriKind.Relative));
        var jeton = Jeton().Match(page);
        if (!jeton.Success)
        {
            throw new InvalidOperationException("Page de connexion sans jeton antiforgery.");
        }
        using var formulaire = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "connexion", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(jeton.Groups[1].Value), ["Input.Login"] = login,
            ["Input.Password"] = motDePasse,
        });
        using var reponse = await portail._http.PostAsync(new Uri("/connexion", UriKind.Relative), formulaire);
        // A refusal renders the page again (200, with its message); a sign-in redirects, the cookie set.
        if ((int)reponse.StatusCode is not (302 or 303))
        {
            throw new InvalidOperationException($"Connexion de {login} par la page : HTTP {(int)reponse.StatusCode}, pas de redirection.");
        }
        using var verification = await portail._http.GetAsync(new Uri("/portfolio", UriKind.Relative));
        if (verification.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{login}, connecté par la page : /portfolio répond HTTP {(int)verification.StatusCode}.");
        }
        return portail;
    }

    /// <summary>Times one page from sending the request to reading its whole body; the body's bytes as sent.</summary>
    public async Task<(TimeSpan Duree, int Statut, byte[] Corps)> ChronometrerAsync(string chemin)
    {
        var chrono = Stopwatch.StartNew();
        using var reponse = await _http.GetAsync(new Uri(chemin, UriKind.Relative));
        var corps = await reponse.Content.ReadAsByteArrayAsync();
        return (chrono.Elapsed, (int)reponse.StatusCode, corps);
    }

    /// <summary>A file as a browser asks for it (accepting gzip and brotli): its bytes as sent, and the encoding the host chose.</summary>
    public async Task<(byte[] Corps, string? Encodage)> TelechargerAsync(string chemin)
    {
        using var requete = new HttpRequestMessage(HttpMethod.Get, new Uri(chemin, UriKind.Relative));
        requete.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        using var reponse = await _http.SendAsync(requete);
        if (reponse.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{chemin} : HTTP {(int)reponse.StatusCode}");
        }
        return (await reponse.Content.ReadAsByteArrayAsync(), reponse.Content.Headers.ContentEncoding.FirstOrDefault());
    }

    /// <summary>The style sheets a page links (href as written, resolved against the base « / »).</summary>
    public static IReadOnlyList<string> FeuillesDeStyle(string html) =>
        [.. FeuilleDeStyle().Matches(html).Select(m => m.Groups[1].Value).Select(h => h.StartsWith('/') ? h : "/" + h).Distinct()];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Jeton();

    [GeneratedRegex("<link[^>]*rel=\"stylesheet\"[^>]*href=\"([^\"]+)\"")]
    private static partial Regex FeuilleDeStyle();

    public void Dispose() => _http.Dispose();
}
