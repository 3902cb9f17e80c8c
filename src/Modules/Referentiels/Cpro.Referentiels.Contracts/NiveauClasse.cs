namespace Cpro.Referentiels.Contracts;

/// <summary>A class level a diploma may be taught in (a référentiel's « niveauxDeClasse »), as every module shows it.</summary>
public sealed record NiveauClasse(string Code, string Libelle)
{
    public static readonly IReadOnlyList<NiveauClasse> Tous =
    [
        new("SECONDE", "Seconde"), new("PREMIERE", "Première"), new("TERMINALE", "Terminale"),
        new("CAP1", "CAP 1re année"), new("CAP2", "CAP 2e année"), new("BTS1", "BTS 1re année"), new("BTS2", "BTS 2e année"),
    ];

    public static string LibelleDe(string code) => Tous.FirstOrDefault(n => n.Code == code)?.Libelle ?? code;
}
