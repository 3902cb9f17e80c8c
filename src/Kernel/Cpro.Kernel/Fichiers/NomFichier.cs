using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Cpro.Kernel.Fichiers;

/// <summary>File names that come from users (a resource's, a scenario's title) made safe to store and to download.</summary>
public static class NomFichier
{
    // Refused by Windows, or meaningful in a path or a header.
    private static readonly char[] Interdits = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    /// <summary>The file name of a path a browser sent (« C:\Users\x\cours.pdf », « ../cours.pdf » → « cours.pdf »), cleaned.</summary>
    public static string DeChemin(string chemin) => Propre(chemin[(chemin.LastIndexOfAny(['/', '\\']) + 1)..], 255);

    /// <summary>Forbidden and control characters replaced, blanks and dots trimmed, at most that many characters
    /// (the extension kept).</summary>
    public static string Propre(string nom, int longueurMax)
    {
        var propre = new string([.. nom.Select(c => char.IsControl(c) || Interdits.Contains(c) ? '_' : c)]).Trim().Trim('.').Trim();
        if (propre.Length <= longueurMax)
        {
            return propre;
        }
        // A long « extension » is part of the name.
        var extension = Path.GetExtension(propre) is var e && e.Length < longueurMax / 2 ? e : "";
        var coupe = longueurMax - extension.Length;
        // Never split an emoji's surrogate pair.
        if (char.IsHighSurrogate(propre[coupe - 1]))
        {
            coupe--;
        }
        return propre[..coupe].TrimEnd() + extension;
    }

    /// <summary>Content-Disposition « attachment »: the name in UTF-8 (filename*), and an ASCII one without accents for
    /// older clients (filename).</summary>
    public static string Telechargement(string nom)
    {
        var sansAccents = new string([.. nom.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_')]);
        return new ContentDispositionHeaderValue("attachment") { FileName = sansAccents, FileNameStar = nom }.ToString();
    }
}
