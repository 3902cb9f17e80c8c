using System.Globalization;
using System.Text.RegularExpressions;

namespace Cpro.Bench;

/// <summary>The host's own time for each request, read from its request log (Serilog's « HTTP GET … responded 200 in X ms »,
/// from the request entering the pipeline to its response written): the server time an issue's target names, without the
/// bench's HTTP client and its share of the two cores.</summary>
internal sealed partial class JournalHote(string fichier)
{
    private long _lu;

    /// <summary>Forgets what the log holds so far: the next <see cref="LireAsync"/> reads only later requests.</summary>
    public void Marquer() => _lu = new FileInfo(fichier).Length;

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
