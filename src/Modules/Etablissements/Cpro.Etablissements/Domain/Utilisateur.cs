using JasperFx;

namespace Cpro.Etablissements.Domain;

/// <summary>An account of an establishment (staff, learner, tutor…); its establishment is its tenant.</summary>
internal sealed class Utilisateur : IRevisioned
{
    /// <summary>Time-ordered, as the imported documents' ids: an import's thousands go to the end of the key's index.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required Identifiants Identifiants { get; init; }
    public required string Nom { get; set; }
    public required string Prenom { get; set; }
    /// <summary>« M. » or « Mme ».</summary>
    public string? Civilite { get; set; }
    public DateOnly? DateNaissance { get; set; }
    public string? Email { get; set; }
    public List<string> Profils { get; set; } = [];
    public bool Actif { get; set; } = true;
    /// <summary>The person turned off the daily email of what happened on the portfolios they follow (« Préférences »).</summary>
    public bool SansNotifications { get; set; }
    public DateTimeOffset CreeLe { get; init; }
    /// <summary>« Manuel », « SIECLE », « STS » or « Entreprise »: manual accounts are shown apart.</summary>
    public string Source { get; init; } = SourceManuel;
    /// <summary>The temporary code, encrypted, until the user chooses a password.</summary>
    public string? CodeProvisoire { get; set; }
    /// <summary>Two administrators editing one account from stale copies get a conflict. A new one is at its first
    /// revision (the one the store gives it), so the API answers it before the commit.</summary>
    public int Version { get; set; } = 1;

    public const string SourceManuel = "Manuel";
    public const string SourceSiecle = "SIECLE";
    public const string SourceSts = "STS";
    /// <summary>A tutor or maître d'apprentissage named on a company period.</summary>
    public const string SourceEntreprise = "Entreprise";

    public string NomComplet => $"{Prenom} {Nom}";
}

/// <summary>An account of the platform itself, above every establishment (platform-wide).</summary>
internal sealed class AdministrateurPlateforme
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required Identifiants Identifiants { get; init; }
    public DateTimeOffset CreeLe { get; init; }
}
