namespace Cpro.Bilans.Domain;

/// <summary>The official four degrees of mastery (« 1 »…« 4 », as grids write them) and « NE » for a competence the teacher
/// says was not evaluated.</summary>
internal static class Degres
{
    public static readonly IReadOnlyList<(string Code, string Libelle)> Tous =
    [
        ("1", "1 Non maîtrisé"), ("2", "2 Insuffisamment maîtrisé"), ("3", "3 Maîtrisé"), ("4", "4 Bien maîtrisé"), ("NE", "Non évalué"),
    ];

    public static bool Valide(string? code) => Tous.Any(d => d.Code == code);

    public static string Libelle(string? code) => code is null ? "Non évalué" : Tous.FirstOrDefault(d => d.Code == code).Libelle ?? code;
}
