using System.Globalization;

namespace Cpro.Bench;

/// <summary>One line of a result table; a line whose target is « — » is a figure for comparison only.</summary>
internal sealed record Ligne(string Mesure, string Valeur, string Cible, bool Atteinte);

/// <summary>What the benchmarks share: fresh establishments, the machine's load, statistics and the result table.</summary>
internal static class Mesures
{
    /// <summary>The school year the importer accepts: it starts in September and is named by its first calendar year.</summary>
    public static int AnneeScolaire()
    {
        var aujourdhui = DateTime.UtcNow;
        return aujourdhui.Month >= 9 ? aujourdhui.Year : aujourdhui.Year - 1;
    }

    /// <summary>A fresh valid UAI: seven digits and their check letter.</summary>
    public static string Uai()
    {
        var chiffres = Random.Shared.Next(1_000_000, 9_000_000).ToString("D7", CultureInfo.InvariantCulture);
        return chiffres + "ABCDEFGHJKLMNPRSTUVWXYZ"[(int)(long.Parse(chiffres, CultureInfo.InvariantCulture) % 23)];
    }

    /// <summary>The 1-minute load average, printed with the figures: on a shared machine, other work slows both sides of a comparison.</summary>
    public static string Charge() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    public static TimeSpan Mediane(List<TimeSpan> mesures)
    {
        var triees = mesures.Order().ToList();
        return triees.Count % 2 == 1 ? triees[triees.Count / 2] : (triees[(triees.Count / 2) - 1] + triees[triees.Count / 2]) / 2;
    }

    /// <summary>Nearest-rank percentile (95 → the value 95 % of the measures do not exceed).</summary>
    public static TimeSpan Centile(List<TimeSpan> mesures, int centile)
    {
        var triees = mesures.Order().ToList();
        return triees[Math.Max(0, (int)Math.Ceiling(centile / 100.0 * triees.Count) - 1)];
    }

    public static string Ms(TimeSpan duree) => $"{duree.TotalMilliseconds:0.0} ms";

    /// <summary>« p50 / p95 / max » of a series, in milliseconds.</summary>
    public static string Resume(List<TimeSpan> mesures) =>
        $"p50 {Ms(Centile(mesures, 50))}, p95 {Ms(Centile(mesures, 95))}, max {Ms(mesures.Max())} ({mesures.Count} mesures)";

    public static void Tableau(IReadOnlyList<Ligne> lignes)
    {
        var largeurMesure = lignes.Max(l => l.Mesure.Length);
        var largeurValeur = Math.Max("Valeur".Length, lignes.Max(l => l.Valeur.Length));
        var largeurCible = Math.Max("Cible".Length, lignes.Max(l => l.Cible.Length));
        Console.WriteLine();
        Console.WriteLine($"| {"Mesure".PadRight(largeurMesure)} | {"Valeur".PadRight(largeurValeur)} | {"Cible".PadRight(largeurCible)} | Résultat |");
        Console.WriteLine($"|{new string('-', largeurMesure + 2)}|{new string('-', largeurValeur + 2)}|{new string('-', largeurCible + 2)}|----------|");
        foreach (var l in lignes)
        {
            var resultat = l.Cible == "—" ? "" : l.Atteinte ? "atteinte" : "MANQUÉE";
            Console.WriteLine($"| {l.Mesure.PadRight(largeurMesure)} | {l.Valeur.PadRight(largeurValeur)} | {l.Cible.PadRight(largeurCible)} | {resultat,-8} |");
        }
        Console.WriteLine();
    }
}
