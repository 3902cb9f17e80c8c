using Carter;
using Cpro.Kernel.Identity;
using Cpro.Referentiels.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Referentiels.Features;

/// <summary>The catalogue as the user may see it: all of it for the platform administrator and the establishment's
/// managers (with whether the establishment subscribes), the subscribed diplomas for everyone else.</summary>
internal static class ListerReferentiels
{
    /// <summary><see cref="Abonne"/> is null for the platform administrator, who belongs to no establishment.</summary>
    internal sealed record ResumeDto(string Code, string Diplome, string Niveau, string Intitule, IReadOnlyList<string> NiveauxDeClasse,
        string Version, string Source, bool? Abonne)
    {
        public static ResumeDto From(Referentiel r, bool? abonne) =>
            new(r.Code, r.Diplome, r.Niveau, r.Intitule, r.NiveauxDeClasse, r.Version, r.Source, abonne);
    }

    internal sealed record Query : IQuery<IReadOnlyList<ResumeDto>>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<ResumeDto>>
    {
        public async ValueTask<IReadOnlyList<ResumeDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            // The session is the user's establishment's: its own subscriptions (none without one).
            var abonnes = await session.Query<Abonnement>().Select(a => a.ReferentielCode).ToListAsync(cancellationToken);
            IQueryable<Referentiel> referentiels = session.Query<Referentiel>();
            if (!AccesReferentiels.VoitToutLeCatalogue(user))
            {
                referentiels = referentiels.Where(r => abonnes.Contains(r.Code));
            }
            var liste = await referentiels.OrderBy(r => r.Code)
                .Select(r => new { r.Code, r.Diplome, r.Niveau, r.Intitule, r.NiveauxDeClasse, r.Version, r.Source })
                .ToListAsync(cancellationToken);
            return [.. liste.Select(r => new ResumeDto(r.Code, r.Diplome, r.Niveau, r.Intitule, r.NiveauxDeClasse, r.Version, r.Source,
                user.EtablissementId is null ? null : abonnes.Contains(r.Code)))];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
                .WithSummary("Lister les référentiels visibles (tout le catalogue pour l'administration, avec l'état d'abonnement)");
    }
}
