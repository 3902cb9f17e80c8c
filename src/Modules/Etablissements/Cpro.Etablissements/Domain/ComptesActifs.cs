using Cpro.Kernel.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cpro.Etablissements.Domain;

/// <summary>Asked on every authenticated request: the answer is cached briefly, and forgotten at once when the
/// account's state or password changes.</summary>
internal sealed class ComptesActifs(EtablissementsDbContext db, IMemoryCache cache) : IComptesActifs
{
    private static readonly TimeSpan Duree = TimeSpan.FromSeconds(30);

    public async ValueTask<EtatCompte> EtatAsync(Guid compteId, bool relire, CancellationToken cancellationToken)
    {
        if (!relire && cache.TryGetValue(Cle(compteId), out EtatCompte? etat))
        {
            return etat!;
        }
        // The account may be of any establishment: explicitly across the filter.
        var utilisateur = await db.Utilisateurs.IgnoreQueryFilters().Where(u => u.Id == compteId)
            .Select(u => new { u.Actif, u.Identifiants.TamponSecurite }).SingleOrDefaultAsync(cancellationToken);
        if (utilisateur is not null)
        {
            etat = new EtatCompte(utilisateur.Actif, utilisateur.TamponSecurite);
        }
        else
        {
            // A platform administrator is never deactivated, but may change their password.
            var tampon = await db.AdministrateursPlateforme.Where(a => a.Id == compteId)
                .Select(a => (Guid?)a.Identifiants.TamponSecurite).SingleOrDefaultAsync(cancellationToken);
            etat = new EtatCompte(tampon is not null, tampon);
        }
        cache.Set(Cle(compteId), etat, Duree);
        return etat;
    }

    public static void Oublier(IMemoryCache cache, Guid compteId) => cache.Remove(Cle(compteId));

    private static string Cle(Guid compteId) => $"cpro:compte-actif:{compteId}";
}
