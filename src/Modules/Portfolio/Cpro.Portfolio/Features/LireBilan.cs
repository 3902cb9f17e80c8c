using Carter;
using Cpro.Kernel.Identity;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>A learner's bilan en entreprise on a period: the items to position (the fiches' choices, in the bilan's mode),
/// their levels, the comment, whether it was re-keyed from paper, and whether and by whom it was finalised or reopened.</summary>
internal static class LireBilan
{
    internal sealed record Query(Guid PeriodeId, Guid ApprenantId) : IQuery<BilanDto>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, BilanDto>
    {
        public async ValueTask<BilanDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var suivi = await AccesPortfolio.VerifierAsync(mediator, user, query.PeriodeId, query.ApprenantId, cancellationToken);
            var referentiel = await ReferentielPortfolio.ChargerAsync(mediator, suivi.Periode.Referentiel, cancellationToken);
            return BilanDto.De(await BilanEntreprise.DeAsync(session, suivi, cancellationToken), referentiel);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/bilan", async (Guid periodeId, Guid apprenantId, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(periodeId, apprenantId), ct)))
                .WithSummary("Le bilan en entreprise d'un apprenant sur une période");
    }
}
