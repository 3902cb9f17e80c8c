namespace Cpro.Kernel.Modules;

/// <summary>A module's say on whether one of its navigation entries shows for the current user, beyond profiles: e.g. the
/// book, only once the DDFTP turned it on for the learner's class. Registered scoped by the module; the host asks it for
/// the entry whose address is <see cref="Href"/>, once per request.</summary>
public interface INavigationConditionnelle
{
    string Href { get; }

    Task<bool> VisibleAsync(CancellationToken cancellationToken);
}
