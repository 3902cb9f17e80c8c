using System.Collections.Concurrent;
using Cpro.Referentiels.Catalogue;
using Cpro.Referentiels.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Referentiels.Features;

/// <summary>Answers other modules' questions about the catalogue and an establishment's subscriptions (Contracts queries).
/// The asking handler has already checked its caller's rights; the establishment is the one it names, across the filter.</summary>
internal sealed class ReferentielsPartages(ReferentielsDbContext db) :
    IQueryHandler<ObtenirReferentiel, ReferentielDto?>,
    IQueryHandler<ListerAbonnements, IReadOnlyList<AbonnementDto>>
{
    /// <summary>Trees already built, by code and version (the SHA-256 of the content, so an entry never goes stale):
    /// grids and dashboards ask for the same référentiel on every request, and reading and parsing its jsonb was a good
    /// part of a dashboard's time. A few entries per code at most: a new version comes with a validated import.</summary>
    private static readonly ConcurrentDictionary<(string Code, string Version), ReferentielDto> Arbres = new();

    public async ValueTask<ReferentielDto?> Handle(ObtenirReferentiel query, CancellationToken cancellationToken)
    {
        var code = AccesReferentiels.Normaliser(query.Code);
        var version = await db.Referentiels.AsNoTracking().Where(r => r.Code == code).Select(r => r.Version).SingleOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }
        if (Arbres.TryGetValue((code, version), out var arbre))
        {
            return arbre;
        }
        var stocke = await db.Referentiels.AsNoTracking().Where(r => r.Code == code)
            .Select(r => new { r.Contenu, r.Version }).SingleOrDefaultAsync(cancellationToken);
        return stocke is null ? null : Arbres.GetOrAdd((code, stocke.Version), _ => Arbre.Lire(stocke.Contenu, stocke.Version));
    }

    public async ValueTask<IReadOnlyList<AbonnementDto>> Handle(ListerAbonnements query, CancellationToken cancellationToken) =>
        await AbonnementsAsync(db, query.EtablissementId, cancellationToken);

    /// <summary>An establishment's subscriptions by diploma code, each level with its divisions.</summary>
    public static async Task<IReadOnlyList<AbonnementDto>> AbonnementsAsync(ReferentielsDbContext db, Guid etablissementId, CancellationToken cancellationToken)
    {
        var abonnements = await db.Abonnements.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.EtablissementId == etablissementId)
            .Join(db.Referentiels, a => a.ReferentielCode, r => r.Code, (a, r) => new { a.ReferentielCode, r.Intitule, a.Niveaux })
            .OrderBy(a => a.ReferentielCode)
            .ToListAsync(cancellationToken);
        return [.. abonnements.Select(a => new AbonnementDto(a.ReferentielCode, a.Intitule,
            [.. a.Niveaux.Select(n => new NiveauAbonneDto(n.NiveauClasse, n.Divisions))]))];
    }
}
