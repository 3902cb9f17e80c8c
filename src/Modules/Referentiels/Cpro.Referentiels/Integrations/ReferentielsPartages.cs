using System.Collections.Concurrent;
using Cpro.Referentiels.Catalogue;
using Cpro.Referentiels.Contracts;
using Cpro.Referentiels.Domain;
using Cpro.Referentiels.Features;
using Marten;
using Mediator;
using Microsoft.Extensions.Caching.Memory;

namespace Cpro.Referentiels.Integrations;

/// <summary>Answers other modules' questions about the catalogue and an establishment's subscriptions (Contracts queries).
/// The asking handler has already checked its caller's rights; the establishment is the one it names, whoever asks
/// (the platform administrator's session belongs to none).</summary>
internal sealed class ReferentielsPartages(IQuerySession session, IMemoryCache cache) :
    IQueryHandler<ObtenirReferentiel, ReferentielDto?>,
    IQueryHandler<ListerAbonnements, IReadOnlyList<AbonnementDto>>
{
    /// <summary>Trees already built, by code and version (the SHA-256 of the content, so an entry never goes stale):
    /// grids and dashboards ask for the same référentiel on every request, and reading and parsing its content was a good
    /// part of a dashboard's time. A few entries per code at most: a new version comes with a validated import.</summary>
    private static readonly ConcurrentDictionary<(string Code, string Version), ReferentielDto> Arbres = new();

    /// <summary>How long another instance of the host may serve a version replaced there; here, an import forgets it at
    /// its commit (<see cref="OublierVersion"/>).</summary>
    private static readonly TimeSpan DureeVersion = TimeSpan.FromSeconds(60);

    public async ValueTask<ReferentielDto?> Handle(ObtenirReferentiel query, CancellationToken cancellationToken)
    {
        var code = AccesReferentiels.Normaliser(query.Code);
        // Every grid and dashboard asks for its référentiel: the version (a round trip each time) is kept briefly too.
        var version = await cache.GetOrCreateAsync(CleVersion(code), async entree =>
        {
            entree.AbsoluteExpirationRelativeToNow = DureeVersion;
            return await session.Query<Referentiel>().Where(r => r.Code == code).Select(r => r.Version).SingleOrDefaultAsync(cancellationToken);
        });
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

    public static void OublierVersion(IMemoryCache cache, string code) => cache.Remove(CleVersion(code));

    private static string CleVersion(string code) => $"cpro:referentiel-version:{code}";

    public async ValueTask<IReadOnlyList<AbonnementDto>> Handle(ListerAbonnements query, CancellationToken cancellationToken) =>
        await AbonnementsEtablissement.LireAsync(session, query.EtablissementId, cancellationToken);
}
