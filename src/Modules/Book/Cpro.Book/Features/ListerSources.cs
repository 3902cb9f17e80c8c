using Carter;
using Cpro.Book.Domain;
using Cpro.Kernel.Identity;
using Cpro.Portfolio.Contracts;
using Cpro.Scenarios.Contracts;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>Step 1, « choisir une réussite »: what the learner may start a page from, besides nothing: their fiches
/// activités (Portfolio) and the evaluations they were positioned in (Scenarios), asked through Contracts.</summary>
internal static class ListerSources
{
    internal sealed record Query : IQuery<SourcesDto>;

    internal sealed record SourcesDto(IReadOnlyList<FicheActiviteApprenant> Fiches, IReadOnlyList<EvaluationApprenant> Evaluations);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, SourcesDto>
    {
        public async ValueTask<SourcesDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var lecteur = await AccesBook.MoiAsync(session, mediator, user, cancellationToken);
            return new SourcesDto(await mediator.Send(new ListerFichesActivitesApprenant(lecteur.Etablissement, lecteur.Moi), cancellationToken),
                await mediator.Send(new ListerEvaluationsApprenant(lecteur.Etablissement, lecteur.Moi), cancellationToken));
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/sources", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
                .WithSummary("Ce dont l'apprenant peut partir pour une réussite : ses fiches activités et ses évaluations");
    }
}
