using Cpro.Kernel.Persistence;

namespace Cpro.Etablissements.Domain;

/// <summary>An account of an establishment (staff, learner, tutor…).</summary>
internal sealed class Utilisateur : IEtablissementOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EtablissementId { get; set; }
    public required Identifiants Identifiants { get; init; }
    public required string Nom { get; set; }
    public required string Prenom { get; set; }
    public string? Email { get; set; }
    public List<string> Profils { get; set; } = [];
    public bool Actif { get; set; } = true;
    public DateTimeOffset CreeLe { get; init; }

    public string NomComplet => $"{Prenom} {Nom}";
}

/// <summary>An account of the platform itself, above every establishment.</summary>
internal sealed class AdministrateurPlateforme
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Identifiants Identifiants { get; init; }
    public DateTimeOffset CreeLe { get; init; }
}
