using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cpro.Bench;

/// <summary>The real host, over HTTP, as the platform administrator.</summary>
internal sealed class Hote(Uri adresse) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = adresse, Timeout = TimeSpan.FromMinutes(10) };

    public async Task ConnecterAsync(string login, string motDePasse)
    {
        using var reponse = await _http.PostAsJsonAsync("/api/auth/token", new { login, password = motDePasse });
        await Verifier(reponse, "connexion de l'administrateur");
        var jeton = (await reponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton);
    }

    public async Task CreerEtablissementAsync(string uai)
    {
        using var reponse = await _http.PostAsJsonAsync("/api/etablissements",
            new { uai, nom = $"Lycée de mesure {uai}", email = $"ce.{uai.ToLowerInvariant()}@example.org" });
        await Verifier(reponse, $"création de l'établissement {uai}");
    }

    /// <summary>Times one import from sending the request to reading the whole report.</summary>
    public async Task<(TimeSpan Duree, JsonElement Rapport)> ImporterAsync(string uai, IReadOnlyList<(string Nom, byte[] Contenu)> fichiers)
    {
        using var formulaire = new MultipartFormDataContent();
        foreach (var (nom, contenu) in fichiers)
        {
            var partie = new ByteArrayContent(contenu);
            partie.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
            formulaire.Add(partie, "files", nom);
        }
        var chrono = Stopwatch.StartNew();
        using var reponse = await _http.PostAsync(new Uri($"/api/etablissements/{uai}/imports", UriKind.Relative), formulaire);
        var corps = await reponse.Content.ReadAsStringAsync();
        var duree = chrono.Elapsed;
        if (!reponse.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Import {uai} : HTTP {(int)reponse.StatusCode} {corps}");
        }
        return (duree, JsonDocument.Parse(corps).RootElement.Clone());
    }

    /// <summary>A figure of /proc/&lt;pid&gt;/status in megabytes (VmHWM: peak resident set; VmRSS: current).</summary>
    public static double MemoireMo(int pid, string champ)
    {
        var ligne = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(champ + ":", StringComparison.Ordinal));
        var ko = long.Parse(ligne[(champ.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return ko / 1024.0;
    }

    private static async Task Verifier(HttpResponseMessage reponse, string quoi)
    {
        if (!reponse.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Échec de la {quoi} : HTTP {(int)reponse.StatusCode} {await reponse.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose() => _http.Dispose();
}
