using Carter;
using Cpro.Kernel.Identity;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>A learner's journal de bord on a period, latest first, each entry with its attachments and its thread of
/// comments: for the learner, their referents, their tutor or maître d'apprentissage, the DDFTP and the head.</summary>
internal static class LireJournal
{
    internal sealed record Query(Guid PeriodeId, Guid ApprenantId) : IQuery<IReadOnlyList<EntreeJournalDto>>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, IReadOnlyList<EntreeJournalDto>>
    {
        public async ValueTask<IReadOnlyList<EntreeJournalDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var suivi = await AccesPortfolio.VerifierAsync(mediator, user, query.PeriodeId, query.ApprenantId, cancellationToken);
            return (await TracesPortfolio.LireAsync(session, suivi, fiches: false, journal: true, cancellationToken)).Journal;
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/journal", async (Guid periodeId, Guid apprenantId, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(periodeId, apprenantId), ct)))
                .WithSummary("Le journal de bord d'un apprenant sur une période, avec les commentaires");
    }
}
