using System.Collections.Concurrent;
using Cpro.Kernel.Persistence;
using Cpro.Referentiels.Catalogue;
using Cpro.Referentiels.Contracts;
using Cpro.Referentiels.Domain;
using Marten;
using Mediator;

namespace Cpro.Referentiels.Features;

/// <summary>Answers other modules' questions about the catalogue and an establishment's subscriptions (Contracts queries).
/// The asking handler has already checked its caller's rights; the establishment is the one it names, whoever asks
/// (the platform administrator's session belongs to none).</summary>
internal sealed class ReferentielsPartages(IQuerySession session) :
    IQueryHandler<ObtenirReferentiel, ReferentielDto?>,
    IQueryHandler<ListerAbonnements, IReadOnlyList<AbonnementDto>>
{
    /// <summary>Trees already built, by code and version (the SHA-256 of the content, so an entry never goes stale):
    /// grids and dashboards ask for the same référentiel on every request, and reading and parsing its content was a good
    /// part of a dashboard's time. A few entries per code at most: a new version comes with a validated import.</summary>
    private static readonly ConcurrentDictionary<(string Code, string Version), ReferentielDto> Arbres = new();

    public async ValueTask<ReferentielDto?> Handle(ObtenirReferentiel query, CancellationToken cancellationToken)
    {
        var code = AccesReferentiels.Normaliser(query.Code);
        var version = await session.Query<Referentiel>().Where(r => r.Code == code).Select(r => r.Version).SingleOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }
        if (Arbres.TryGetValue((code, version), out var arbre))
        {
            return arbre;
        }
        var stocke = await session.Query<Referentiel>().Where(r => r.Code == code)
            .Select(r => new { r.Contenu, r.Version }).SingleOrDefaultAsync(cancellationToken);
        return stocke is null ? null : Arbres.GetOrAdd((code, stocke.Version), _ => Arbre.Lire(stocke.Contenu, stocke.Version));
    }

    public async ValueTask<IReadOnlyList<AbonnementDto>> Handle(ListerAbonnements query, CancellationToken cancellationToken) =>
        await AbonnementsAsync(session, query.EtablissementId, cancellationToken);

    /// <summary>An establishment's subscriptions by diploma code, each level with its divisions.</summary>
    public static async Task<IReadOnlyList<AbonnementDto>> AbonnementsAsync(IQuerySession session, Guid etablissementId, CancellationToken cancellationToken)
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
