using Microsoft.EntityFrameworkCore;

namespace Cpro.Etablissements.Domain;

/// <summary>PostgreSQL advisory locks held until the end of the current transaction. Without one, two imports of one
/// establishment would both find a learner new and insert it twice, and two new accounts anywhere could take the same
/// login: one of the transactions would fail on a unique index. With one, the second waits for the first and sees
/// what it wrote. Order: an establishment's lock before the accounts' lock.</summary>
internal static class Verrous
{
    /// <summary>One import at a time per establishment.</summary>
    public static async Task ImportAsync(EtablissementsDbContext db, Guid etablissementId, CancellationToken cancellationToken) =>
        await PrendreAsync(db, $"cpro.import:{etablissementId}", cancellationToken);

    /// <summary>Logins are unique across the platform: accounts are created one transaction at a time.</summary>
    public static async Task ComptesAsync(EtablissementsDbContext db, CancellationToken cancellationToken) =>
        await PrendreAsync(db, "cpro.comptes", cancellationToken);

    private static Task<int> PrendreAsync(EtablissementsDbContext db, string cle, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({cle}, 0))", cancellationToken);
}
