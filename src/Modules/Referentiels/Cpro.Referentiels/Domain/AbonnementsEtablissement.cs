using Cpro.Kernel.Persistence;
using Cpro.Referentiels.Contracts;
using Marten;

namespace Cpro.Referentiels.Domain;

/// <summary>An establishment's subscriptions as the module's pages and other modules read them.</summary>
internal static class AbonnementsEtablissement
{
    /// <summary>An establishment's subscriptions by diploma code, each level with its divisions.</summary>
    public static async Task<IReadOnlyList<AbonnementDto>> LireAsync(IQuerySession session, Guid etablissementId, CancellationToken cancellationToken)
    {
        var abonnements = await session.PourEtablissement(etablissementId).Query<Abonnement>()
            .OrderBy(a => a.ReferentielCode).ToListAsync(cancellationToken);
        var codes = abonnements.Select(a => a.ReferentielCode).ToList();
        var intitules = (await session.Query<Referentiel>().Where(r => codes.Contains(r.Code))
                .Select(r => new { r.Code, r.Intitule }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Code, r => r.Intitule, StringComparer.Ordinal);
        // Subscribed codes are in the catalogue, which nothing deletes from; one missing would not be shown.
        return [.. abonnements.Where(a => intitules.ContainsKey(a.ReferentielCode)).Select(a => new AbonnementDto(a.ReferentielCode,
            intitules[a.ReferentielCode], [.. a.Niveaux.Select(n => new NiveauAbonneDto(n.NiveauClasse, n.Divisions))]))];
    }
}
