namespace Cpro.Periodes.Domain;

/// <summary>How class levels read in French.</summary>
internal static class Niveaux
{
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
