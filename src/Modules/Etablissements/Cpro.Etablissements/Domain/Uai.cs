using System.Globalization;

namespace Cpro.Etablissements.Domain;

/// <summary>National id of an establishment: 7 digits and a check letter (glossary).</summary>
internal static class Uai
{
    private const string Letters = "ABCDEFGHJKLMNPRSTUVWXYZ";

    public static string Normalize(string? uai) => (uai ?? "").Trim().ToUpperInvariant();

    public static char CheckLetter(string digits) => Letters[(int)(long.Parse(digits, CultureInfo.InvariantCulture) % 23)];

    public static bool IsValid(string? uai)
    {
        var value = Normalize(uai);
        return value.Length == 8
               && value[..7].All(char.IsAsciiDigit)
               && value[7] == CheckLetter(value[..7]);
    }
}
