namespace Cpro.Etablissements.Siecle;

/// <summary>What an import did (or would do, in simulation), per kind of record.</summary>
internal sealed class RapportImport
{
    public bool Simulation { get; init; }
    public List<FichierLu> Fichiers { get; init; } = [];
    public Compteurs Apprenants { get; init; } = new();
    public Compteurs Responsables { get; init; } = new();
    public Compteurs Personnels { get; init; } = new();
    public Compteurs Divisions { get; init; } = new();
    public Compteurs Groupes { get; init; } = new();
    /// <summary>Learners imported without a division yet (new arrivals).</summary>
    public int ApprenantsSansDivision { get; set; }
    public int ComptesCrees { get; set; }
}

internal sealed record FichierLu(string Nom, string Type);

internal sealed class Compteurs
{
    public int Crees { get; set; }
    public int MisAJour { get; set; }
    public int Desactives { get; set; }
    public int Inchanges { get; set; }
    public List<Rejet> Rejets { get; init; } = [];
}

/// <summary>A record left out, with the element it came from, its identifier and the reason, in French.</summary>
internal sealed record Rejet(string Element, string Identifiant, string Motif);
