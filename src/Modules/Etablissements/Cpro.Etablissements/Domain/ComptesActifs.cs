using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Cpro.Etablissements.Domain;

/// <summary>Asked on every authenticated request: the answer is cached briefly, and forgotten at once when the
/// account's state or password changes.</summary>
internal sealed class ComptesActifs(IQuerySession session, IMemoryCache cache) : IComptesActifs
{
    private static readonly TimeSpan Duree = TimeSpan.FromSeconds(30);

    public async ValueTask<EtatCompte> EtatAsync(Guid compteId, Guid? etablissementId, bool relire, CancellationToken cancellationToken)
    {
        if (!relire && cache.TryGetValue(Cle(compteId), out EtatCompte? etat))
        {
            return etat!;
        }
        if (etablissementId is { } etablissement)
        {
            var utilisateur = await session.PourEtablissement(etablissement).LoadAsync<Utilisateur>(compteId, cancellationToken);
            etat = new EtatCompte(utilisateur?.Actif == true, utilisateur?.Identifiants.TamponSecurite);
        }
        else
        {
            // A platform administrator is never deactivated, but may change their password.
            var administrateur = await session.LoadAsync<AdministrateurPlateforme>(compteId, cancellationToken);
            etat = new EtatCompte(administrateur is not null, administrateur?.Identifiants.TamponSecurite);
        }
        cache.Set(Cle(compteId), etat, Duree);
        return etat;
    }

    public static void Oublier(IMemoryCache cache, Guid compteId) => cache.Remove(Cle(compteId));

    private static string Cle(Guid compteId) => $"cpro:compte-actif:{compteId}";
}
