using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Etablissements.Features;

/// <summary>The establishment's accounts for its administrator: manual ones marked, filtered by profile, origin or name.</summary>
internal static class ListerUtilisateurs
{
    internal sealed record Query(string Uai, string? Profil = null, bool? Manuel = null, string? Recherche = null)
        : IQuery<IReadOnlyList<GestionComptes.UtilisateurDto>>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<GestionComptes.UtilisateurDto>>
    {
        public async ValueTask<IReadOnlyList<GestionComptes.UtilisateurDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = await GestionComptes.EtablissementAsync(session, user, query.Uai, cancellationToken);
            IQueryable<Domain.Utilisateur> utilisateurs = session.PourEtablissement(etablissement.Id).Query<Domain.Utilisateur>();
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
                var motif = query.Recherche.Trim();
                utilisateurs = utilisateurs.Where(u => u.Nom.Contains(motif, StringComparison.OrdinalIgnoreCase)
                                                       || u.Prenom.Contains(motif, StringComparison.OrdinalIgnoreCase)
                                                       || u.Identifiants.Login.Contains(motif, StringComparison.OrdinalIgnoreCase));
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
