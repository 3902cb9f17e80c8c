using JasperFx;

namespace Cpro.Referentiels.Domain;

/// <summary>An establishment (the document's tenant) follows a diploma: its teachers see that référentiel, and each class
/// level of it is taught in some of the establishment's divisions. One per diploma: the diploma's code is its id.</summary>
internal sealed class Abonnement
{
    [Identity]
    public required string ReferentielCode { get; set; }

    /// <summary>Replaced whole on every change.</summary>
    public List<NiveauAbonne> Niveaux { get; set; } = [];

    public DateTimeOffset ModifieLe { get; set; }
    public string? ModifiePar { get; set; }
}

/// <summary>A class level of the diploma (SECONDE…) and the divisions that follow it.</summary>
internal sealed record NiveauAbonne(string NiveauClasse, List<string> Divisions);
