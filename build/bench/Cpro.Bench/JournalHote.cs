using System.Globalization;
using System.Text.RegularExpressions;

namespace Cpro.Bench;

/// <summary>The host's own time for each request, read from its request log (Serilog's « HTTP GET … responded 200 in X ms »,
/// from the request entering the pipeline to its response written): the server time an issue's target names, without the
/// bench's HTTP client and its share of the two cores.</summary>
internal sealed partial class JournalHote(string fichier)
{
    private long _lu;

    /// <summary>Forgets what the log holds so far: the next <see cref="LireAsync"/> reads only later requests. The log is
    /// written off the request path: the mark waits until it has not grown for a quarter of a second (10 s at most), or a
    /// line of an earlier request could land after it and be counted.</summary>
    public async Task MarquerAsync()
    {
        var fin = DateTime.UtcNow.AddSeconds(10);
        var taille = new FileInfo(fichier).Length;
        while (DateTime.UtcNow < fin)
        {
            await Task.Delay(250);
            var apres = new FileInfo(fichier).Length;
            if (apres == taille)
            {
                break;
            }
            taille = apres;
        }
        _lu = taille;
    }

    /// <summary>The times of the <paramref name="attendues"/> GET requests on paths matching <paramref name="chemin"/> logged
    /// since the mark (the log is written off the request path, so it is waited for, 10 s at most).</summary>
    public async Task<List<TimeSpan>> LireAsync(Regex chemin, int attendues)
    {
        var fin = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var durees = Lire(chemin);
            if (durees.Count >= attendues || DateTime.UtcNow > fin)
            {
                return durees.Count == attendues
                    ? durees
                    : throw new InvalidOperationException($"Journal de l'hôte : {durees.Count} requêtes lues, {attendues} attendues.");
            }
            await Task.Delay(50);
        }
    }

    private List<TimeSpan> Lire(Regex chemin)
    {
        using var flux = new FileStream(fichier, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        flux.Seek(_lu, SeekOrigin.Begin);
        using var lecteur = new StreamReader(flux);
        var durees = new List<TimeSpan>();
        while (lecteur.ReadLine() is { } ligne)
        {
            if (Requete().Match(ligne) is { Success: true } m && chemin.IsMatch(m.Groups["chemin"].Value))
            {
                durees.Add(TimeSpan.FromMilliseconds(double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture)));
            }
        }
        return durees;
    }

    [GeneratedRegex(@"HTTP GET (?<chemin>\S+) responded 200 in (?<ms>[0-9.]+) ms")]
    private static partial Regex Requete();
}
