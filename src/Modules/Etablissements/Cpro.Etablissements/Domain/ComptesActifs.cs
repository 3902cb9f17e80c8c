using Cpro.Kernel.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cpro.Etablissements.Domain;

/// <summary>Asked on every authenticated request: the answer is cached briefly, and forgotten at once when an
/// administrator changes the account's state.</summary>
internal sealed class ComptesActifs(EtablissementsDbContext db, IMemoryCache cache) : IComptesActifs
{
    private static readonly TimeSpan Duree = TimeSpan.FromSeconds(30);

    public async ValueTask<bool> EstActifAsync(Guid utilisateurId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Cle(utilisateurId), out bool actif))
        {
            return actif;
        }
        // The account may be of any establishment: explicitly across the filter.
        actif = await db.Utilisateurs.IgnoreQueryFilters().Where(u => u.Id == utilisateurId).Select(u => u.Actif).SingleOrDefaultAsync(cancellationToken);
        cache.Set(Cle(utilisateurId), actif, Duree);
        return actif;
    }

    public static void Oublier(IMemoryCache cache, Guid utilisateurId) => cache.Remove(Cle(utilisateurId));

    private static string Cle(Guid utilisateurId) => $"cpro:compte-actif:{utilisateurId}";
}
