namespace Cpro.Portfolio.Domain;

/// <summary>The official four degrees of mastery, as Scenarios' grids write them (« 1 »…« 4 »), and « NE » for an item
/// explicitly not evaluated.</summary>
internal static class Degres
{
    public static readonly IReadOnlyList<(string Code, string Libelle)> Tous =
    [
        ("1", "1 Non maîtrisé"), ("2", "2 Insuffisamment maîtrisé"), ("3", "3 Maîtrisé"), ("4", "4 Bien maîtrisé"), ("NE", "Non évalué"),
    ];

    public static bool Valide(string? code) => Tous.Any(d => d.Code == code);

    public static bool EstDegre(string code) => code is "1" or "2" or "3" or "4";

    public static string Libelle(string code) => Tous.FirstOrDefault(d => d.Code == code).Libelle ?? code;
}
