using Cpro.Kernel.Persistence;

namespace Cpro.Etablissements.Domain;

/// <summary>The module's transaction locks (<see cref="VerrouTransaction"/>). Without one, two imports of one
/// establishment would both find a learner new and insert it twice, and two new accounts anywhere could take the same
/// login: one of the transactions would fail on a unique index. With one, the second waits for the first and sees
/// what it wrote. Order: an establishment's import lock, then the accounts' lock, then its codes' key lock.</summary>
internal static class Verrous
{
    /// <summary>One import at a time per establishment.</summary>
    public static Task ImportAsync(UnitOfWork unitOfWork, Guid etablissementId, CancellationToken cancellationToken) =>
        unitOfWork.VerrouillerAsync($"cpro.import:{etablissementId}", cancellationToken);

    /// <summary>Logins are unique across the platform: accounts are created one transaction at a time.</summary>
    public static Task ComptesAsync(UnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        unitOfWork.VerrouillerAsync("cpro.comptes", cancellationToken);
}
