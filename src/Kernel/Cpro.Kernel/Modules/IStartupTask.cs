namespace Cpro.Kernel.Modules;

/// <summary>Work a module does once at start-up, after every migration is applied (seeding, catalogue loading).
/// Must be idempotent: it runs at every start.</summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);
}
