using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Referentiels.Catalogue;
using Cpro.Referentiels.Contracts;
using Cpro.Referentiels.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Referentiels.Features;

/// <summary>A référentiel's tree. A diploma the establishment does not subscribe to is « introuvable » for its teachers and
/// learners, exactly like one that does not exist.</summary>
internal static class ConsulterReferentiel
{
    internal sealed record Query(string Code) : IQuery<ReferentielDto>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, ReferentielDto>
    {
        public async ValueTask<ReferentielDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var code = AccesReferentiels.Normaliser(query.Code);
            var stocke = await session.Query<Referentiel>().Where(r => r.Code == code)
                .Select(r => new { r.Contenu, r.Version }).SingleOrDefaultAsync(cancellationToken);
            // The session is the user's establishment's: its subscriptions only (none without one).
            if (stocke is null
                || !(AccesReferentiels.VoitToutLeCatalogue(user) || await session.Query<Abonnement>().AnyAsync(a => a.ReferentielCode == code, cancellationToken)))
            {
                throw new IntrouvableException($"Référentiel {code} introuvable.");
            }
            return Arbre.Lire(stocke.Contenu, stocke.Version);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/{code}", async (string code, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(code), ct)))
                .WithSummary("Lire l'arbre d'un référentiel : blocs, activités, tâches, compétences et critères");
    }
}
