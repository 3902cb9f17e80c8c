using Cpro.Kernel.Persistence;

namespace Cpro.Referentiels.Domain;

/// <summary>An establishment follows a diploma: its teachers see that référentiel, and each class level of it is taught in
/// some of the establishment's divisions.</summary>
internal sealed class Abonnement : IEtablissementOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EtablissementId { get; set; }
    public required string ReferentielCode { get; set; }

    /// <summary>Stored as jsonb; replaced whole on every change.</summary>
    public List<NiveauAbonne> Niveaux { get; set; } = [];

    public DateTimeOffset ModifieLe { get; set; }
    public string? ModifiePar { get; set; }
}

/// <summary>A class level of the diploma (SECONDE…) and the divisions that follow it.</summary>
internal sealed record NiveauAbonne(string NiveauClasse, List<string> Divisions);
