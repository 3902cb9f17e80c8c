using Cpro.Kernel.Persistence;

namespace Cpro.Etablissements.Domain;

/// <summary>A module switched for one establishment, with who switched it and when. No row: the module is on.</summary>
internal sealed class ModuleActivation : IEtablissementOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EtablissementId { get; set; }
    public required string Module { get; init; }
    public bool Actif { get; set; }
    public required string ModifiePar { get; set; }
    public DateTimeOffset ModifieLe { get; set; }
}
