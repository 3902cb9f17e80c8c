using Carter;
using Cpro.Kernel.Identity;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Etablissements.Features;

/// <summary>The establishment's accounts for its administrator: manual ones marked, filtered by profile, origin or name.</summary>
internal static class ListerUtilisateurs
{
    internal sealed record Query(string Uai, string? Profil = null, bool? Manuel = null, string? Recherche = null)
        : IQuery<IReadOnlyList<GestionComptes.UtilisateurDto>>;

    internal sealed class Handler(EtablissementsDbContext db, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<GestionComptes.UtilisateurDto>>
    {
        public async ValueTask<IReadOnlyList<GestionComptes.UtilisateurDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = await GestionComptes.EtablissementAsync(db, user, query.Uai, cancellationToken);
            var utilisateurs = db.Utilisateurs.IgnoreQueryFilters().AsNoTracking().Where(u => u.EtablissementId == etablissement.Id);
            if (!string.IsNullOrWhiteSpace(query.Profil))
            {
                utilisateurs = utilisateurs.Where(u => u.Profils.Contains(query.Profil));
            }
            if (query.Manuel is { } manuel)
            {
                utilisateurs = manuel
                    ? utilisateurs.Where(u => u.Source == Domain.Utilisateur.SourceManuel)
                    : utilisateurs.Where(u => u.Source != Domain.Utilisateur.SourceManuel);
            }
            if (!string.IsNullOrWhiteSpace(query.Recherche))
            {
                var motif = $"%{query.Recherche.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
                utilisateurs = utilisateurs.Where(u => EF.Functions.ILike(u.Nom, motif) || EF.Functions.ILike(u.Prenom, motif)
                                                       || EF.Functions.ILike(u.Identifiants.Login, motif));
            }
            var liste = await utilisateurs.OrderBy(u => u.Nom).ThenBy(u => u.Prenom).ToListAsync(cancellationToken);
            return [.. liste.Select(GestionComptes.UtilisateurDto.From)];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/{uai}/utilisateurs", async (string uai, string? profil, bool? manuel, string? recherche, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(uai, profil, manuel, recherche), ct)))
                .WithSummary("Lister les comptes de l'établissement (filtres : profil, manuel, recherche)");
    }
}
