namespace Cpro.Referentiels.Domain;

/// <summary>The class level a division's MEF says. In SIECLE's MEF codes the first three digits are the « dispositif de
/// formation », which names the year of the course (240 2nde pro, 241 1re pro, 242 terminale pro; 500 and 501 the two
/// years of a CAP; 320 and 321 those of a BTS).</summary>
internal static class NiveauxMef
{
    private static readonly Dictionary<string, string> ParDispositif = new(StringComparer.Ordinal)
    {
        ["240"] = "SECONDE", ["241"] = "PREMIERE", ["242"] = "TERMINALE", ["500"] = "CAP1", ["501"] = "CAP2", ["320"] = "BTS1", ["321"] = "BTS2",
    };

    public static string? NiveauDe(string mef) => mef.Length >= 3 && ParDispositif.TryGetValue(mef[..3], out var niveau) ? niveau : null;

    /// <summary>A division is offered at the levels its MEFs say; at every level when none says one (no MEF, or one
    /// this table does not know), rather than hiding it.</summary>
    public static bool Propose(IEnumerable<string> mefs, string niveau)
    {
        var niveaux = mefs.Select(NiveauDe).OfType<string>().ToList();
        return niveaux.Count == 0 || niveaux.Contains(niveau, StringComparer.Ordinal);
    }
}
