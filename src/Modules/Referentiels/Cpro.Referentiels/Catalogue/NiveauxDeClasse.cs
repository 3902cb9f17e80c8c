namespace Cpro.Referentiels.Catalogue;

/// <summary>The class levels a diploma may be taught in (a référentiel's « niveauxDeClasse »).</summary>
internal static class NiveauxDeClasse
{
    public static readonly IReadOnlyList<string> Tous = ["SECONDE", "PREMIERE", "TERMINALE", "CAP1", "CAP2", "BTS1", "BTS2"];

    public static string Libelle(string niveau) => niveau switch
    {
        "SECONDE" => "Seconde",
        "PREMIERE" => "Première",
        "TERMINALE" => "Terminale",
        "CAP1" => "CAP 1re année",
        "CAP2" => "CAP 2e année",
        "BTS1" => "BTS 1re année",
        "BTS2" => "BTS 2e année",
        _ => niveau,
    };
}
