using Carter;
using Cpro.Bilans.Domain;
using Cpro.Kernel.Identity;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Bilans.Features;

/// <summary>A bilan: a draft with its computed levels brought up to date from the evidence (not saved by reading), a
/// finalised one exactly as it was frozen.</summary>
internal static class LireBilan
{
    internal sealed record Query(Guid Id) : IQuery<BilanDto>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, BilanDto>
    {
        public async ValueTask<BilanDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var (bilan, acces) = await AccesBilans.BilanAsync(session, mediator, user, query.Id, cancellationToken);
            if (!bilan.Finalise)
            {
                await Preuves.ActualiserAsync(mediator, acces.Etablissement, bilan, cancellationToken);
            }
            return BilanDto.De(bilan, $"{acces.Apprenant.Prenom} {acces.Apprenant.Nom}", acces);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(id), ct)))
                .WithSummary("Un bilan : niveaux calculés, ajustements, preuves, appréciation (un brouillon pour l'équipe pédagogique seulement)");
    }
}
