using Carter;
using Cpro.Kernel.Identity;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>A learner's fiches activités on a period, by date, with their attachments: for the learner, their referents,
/// their tutor or maître d'apprentissage, the DDFTP and the head.</summary>
internal static class ListerFiches
{
    internal sealed record Query(Guid PeriodeId, Guid ApprenantId) : IQuery<IReadOnlyList<FicheDto>>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, IReadOnlyList<FicheDto>>
    {
        public async ValueTask<IReadOnlyList<FicheDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var suivi = await AccesPortfolio.VerifierAsync(mediator, user, query.PeriodeId, query.ApprenantId, cancellationToken);
            return (await TracesPortfolio.LireAsync(session, suivi, fiches: true, journal: false, cancellationToken)).Fiches;
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/fiches", async (Guid periodeId, Guid apprenantId, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(periodeId, apprenantId), ct)))
                .WithSummary("Les fiches activités d'un apprenant sur une période");
    }
}
