using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cpro.Bench;

/// <summary>The real host, over HTTP, as one signed-in user (the platform administrator, a teacher, a learner…).</summary>
internal sealed class Hote(Uri adresse) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = adresse, Timeout = TimeSpan.FromMinutes(10) };

    public async Task ConnecterAsync(string login, string motDePasse)
    {
        using var reponse = await _http.PostAsJsonAsync("/api/auth/token", new { login, password = motDePasse });
        await Verifier(reponse, $"connexion de {login}");
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

    /// <summary>A JSON request that must succeed; its answer (undefined when it has no body).</summary>
    public async Task<JsonElement> JsonAsync(HttpMethod methode, string chemin, object? corps = null)
    {
        using var requete = new HttpRequestMessage(methode, new Uri(chemin, UriKind.Relative)) { Content = corps is null ? null : JsonContent.Create(corps) };
        using var reponse = await _http.SendAsync(requete);
        await Verifier(reponse, $"requête {methode} {chemin}");
        var texte = await reponse.Content.ReadAsStringAsync();
        return texte.Length == 0 ? default : JsonDocument.Parse(texte).RootElement.Clone();
    }

    /// <summary>Sends a file in the « fichier » part of a multipart form; the answer must succeed.</summary>
    public async Task<JsonElement> EnvoyerFichierAsync(string chemin, string nom, byte[] contenu)
    {
        using var formulaire = new MultipartFormDataContent();
        var partie = new ByteArrayContent(contenu);
        partie.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        formulaire.Add(partie, "fichier", nom);
        using var reponse = await _http.PostAsync(new Uri(chemin, UriKind.Relative), formulaire);
        await Verifier(reponse, $"envoi de {nom} à {chemin}");
        return JsonDocument.Parse(await reponse.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Times one GET from sending it to reading its whole answer, which must succeed; its bytes.</summary>
    public async Task<(TimeSpan Duree, byte[] Octets)> TelechargerAsync(string chemin)
    {
        var chrono = Stopwatch.StartNew();
        using var reponse = await _http.GetAsync(new Uri(chemin, UriKind.Relative));
        var octets = await reponse.Content.ReadAsByteArrayAsync();
        var duree = chrono.Elapsed;
        await Verifier(reponse, $"téléchargement de {chemin}");
        return (duree, octets);
    }

    /// <summary>Times one request from sending it to reading its whole answer; the body is serialised beforehand so
    /// that only the round trip is measured.</summary>
    public async Task<(TimeSpan Duree, int Statut, string Corps)> ChronometrerAsync(HttpMethod methode, string chemin, byte[]? json = null)
    {
        using var requete = new HttpRequestMessage(methode, new Uri(chemin, UriKind.Relative));
        if (json is not null)
        {
            requete.Content = new ByteArrayContent(json);
            requete.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        var chrono = Stopwatch.StartNew();
        using var reponse = await _http.SendAsync(requete);
        var corps = await reponse.Content.ReadAsStringAsync();
        return (chrono.Elapsed, (int)reponse.StatusCode, corps);
    }

    /// <summary>A figure of /proc/&lt;pid&gt;/status in megabytes (VmHWM: peak resident set; VmRSS: current).</summary>
    public static double MemoireMo(int pid, string champ)
    {
        var ligne = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(champ + ":", StringComparison.Ordinal));
        var ko = long.Parse(ligne[(champ.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return ko / 1024.0;
    }

    /// <summary>CPU time a process has used so far (user + system, /proc/&lt;pid&gt;/stat, in ticks of 1/100 s):
    /// divided by the requests made meanwhile, a cost that does not depend on the machine's load.</summary>
    /// <summary>Waits until the host has been idle for half a second (under 5 % of a core; 30 s at most) and returns how long
    /// that took: after a warm-up, its runtime still recompiles at tier 1, in the background, the methods the warm-up made
    /// hot, and that work is no more what is measured than the warm-up itself.</summary>
    public static async Task<TimeSpan> AttendreReposAsync(int pid)
    {
        var debut = DateTime.UtcNow;
        while (DateTime.UtcNow - debut < TimeSpan.FromSeconds(30))
        {
            var avant = Cpu(pid);
            await Task.Delay(500);
            if (Cpu(pid) - avant < TimeSpan.FromMilliseconds(25))
            {
                break;
            }
        }
        return DateTime.UtcNow - debut;
    }

    public static TimeSpan Cpu(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var champs = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command's name.
        var ticks = long.Parse(champs[11], CultureInfo.InvariantCulture) + long.Parse(champs[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
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
