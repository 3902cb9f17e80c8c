namespace Cpro.Kernel.Persistence;

/// <summary>A row that belongs to one establishment. <see cref="ModuleDbContext"/> shows such rows only to
/// users of that establishment and stamps new ones with it.</summary>
public interface IEtablissementOwned
{
    Guid EtablissementId { get; set; }
}
