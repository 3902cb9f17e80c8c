namespace Cpro.Etablissements.Siecle;

/// <summary>What an import did (or would do, in simulation), per kind of record.</summary>
internal sealed class RapportImport
{
    /// <summary>The import kept; none for a preview.</summary>
    public Guid? Id { get; set; }
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

    /// <summary>Each kind of record with its French name, in the report's order.</summary>
    public (string Libelle, Compteurs Compteurs)[] Genres() =>
        [("Apprenants", Apprenants), ("Responsables", Responsables), ("Personnels", Personnels), ("Divisions", Divisions), ("Groupes", Groupes)];

    /// <summary>"Apprenants : créés 3, désactivés 1 ; …", only what changed.</summary>
    public string Resume()
    {
        var parties = Genres()
            .Select(g => (g.Libelle, Detail: string.Join(", ",
                new (string Quoi, int Nombre)[] { ("créés", g.Compteurs.Crees), ("mis à jour", g.Compteurs.MisAJour), ("désactivés", g.Compteurs.Desactives), ("rejetés", g.Compteurs.Rejets.Count), ("ignorés", g.Compteurs.Ignores.Count) }
                    .Where(x => x.Nombre > 0).Select(x => $"{x.Quoi} {x.Nombre}"))))
            .Where(p => p.Detail.Length > 0)
            .Select(p => $"{p.Libelle} : {p.Detail}")
            .ToList();
        return parties.Count == 0 ? "Aucun changement" : string.Join(" ; ", parties);
    }
}

internal sealed record FichierLu(string Nom, string Type);

internal sealed class Compteurs
{
    public int Crees { get; set; }
    public int MisAJour { get; set; }
    public int Desactives { get; set; }
    public int Inchanges { get; set; }
    /// <summary>Records refused as invalid; the person they describe, if known, is left as it was.</summary>
    public List<FicheSignalee> Rejets { get; init; } = [];
    /// <summary>Valid records deliberately not imported (a leaver never known here, a guardian of nobody here).</summary>
    public List<FicheSignalee> Ignores { get; init; } = [];
}

/// <summary>A record left out: the element it came from, its identifier, the person's name when the file gives it, and
/// the rule that left it out, in French.</summary>
internal sealed record FicheSignalee(string Element, string Identifiant, string? Nom, string Motif);
