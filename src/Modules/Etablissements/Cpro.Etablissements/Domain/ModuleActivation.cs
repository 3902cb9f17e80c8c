namespace Cpro.Etablissements.Domain;

/// <summary>A module switched for one establishment, with who switched it and when; its id is the module's name. None:
/// the module is on.</summary>
internal sealed class ModuleActivation
{
    public required string Id { get; init; }
    public bool Actif { get; set; }
    public required string ModifiePar { get; set; }
    public DateTimeOffset ModifieLe { get; set; }
}
