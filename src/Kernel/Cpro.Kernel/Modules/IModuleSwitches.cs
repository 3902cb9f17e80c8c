namespace Cpro.Kernel.Modules;

/// <summary>Whether a module is switched on for an establishment. Read at every request: a switch takes effect at once.</summary>
public interface IModuleSwitches
{
    Task<bool> IsActiveAsync(Guid etablissementId, string module, CancellationToken cancellationToken = default);
}
