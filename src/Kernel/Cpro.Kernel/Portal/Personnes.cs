using System.Globalization;

namespace Cpro.Kernel.Portal;

/// <summary>How the portal names people in a list: « DURAND Inès », sorted by name then first name as a French reader
/// expects. Detail pages and sentences keep « Inès Durand ».</summary>
public static class Personnes
{
    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly StringComparer Ordre = StringComparer.Create(Francais, CompareOptions.IgnoreCase);

    public static string EnListe(string nom, string prenom) => $"{nom.ToUpper(Francais)} {prenom}";

    public static IOrderedEnumerable<T> ParNom<T>(this IEnumerable<T> personnes, Func<T, string> nom, Func<T, string> prenom) =>
        personnes.OrderBy(nom, Ordre).ThenBy(prenom, Ordre);
}
