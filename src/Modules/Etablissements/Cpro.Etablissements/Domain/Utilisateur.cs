using Cpro.Kernel.Persistence;

namespace Cpro.Etablissements.Domain;

/// <summary>An account of an establishment (staff, learner, tutor…).</summary>
internal sealed class Utilisateur : IEtablissementOwned
{
    /// <summary>Time-ordered, as the imported rows' ids: an import's thousands of rows go to the end of the primary key's index.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EtablissementId { get; set; }
    public required Identifiants Identifiants { get; init; }
    public required string Nom { get; set; }
    public required string Prenom { get; set; }
    /// <summary>« M. » or « Mme ».</summary>
    public string? Civilite { get; set; }
    public DateOnly? DateNaissance { get; set; }
    public string? Email { get; set; }
    public List<string> Profils { get; set; } = [];
    public bool Actif { get; set; } = true;
    public DateTimeOffset CreeLe { get; init; }
    /// <summary>« Manuel », « SIECLE », « STS » or « Entreprise »: manual accounts are shown apart.</summary>
    public string Source { get; init; } = SourceManuel;
    /// <summary>The temporary code, encrypted, until the user chooses a password.</summary>
    public string? CodeProvisoire { get; set; }
    /// <summary>PostgreSQL xmin: two administrators editing one account from stale copies get a conflict.</summary>
    public uint Version { get; set; }

    public const string SourceManuel = "Manuel";
    public const string SourceSiecle = "SIECLE";
    public const string SourceSts = "STS";
    /// <summary>A tutor or maître d'apprentissage named on a company period.</summary>
    public const string SourceEntreprise = "Entreprise";

    public string NomComplet => $"{Prenom} {Nom}";
}

/// <summary>An account of the platform itself, above every establishment.</summary>
internal sealed class AdministrateurPlateforme
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Identifiants Identifiants { get; init; }
    public DateTimeOffset CreeLe { get; init; }
}
