using Carter;
using Cpro.Kernel.Identity;
using Cpro.Referentiels.Contracts;
using Cpro.Referentiels.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Referentiels.Features;

/// <summary>The current establishment's subscriptions, for its managers and teachers.</summary>
internal static class ConsulterAbonnements
{
    internal sealed record Query : IQuery<IReadOnlyList<AbonnementDto>>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<AbonnementDto>>
    {
        public async ValueTask<IReadOnlyList<AbonnementDto>> Handle(Query query, CancellationToken cancellationToken) =>
            await AbonnementsEtablissement.LireAsync(session, AccesReferentiels.EtablissementLecteur(user), cancellationToken);
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/abonnements", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
                .WithSummary("Lister les diplômes auxquels l'établissement est abonné, avec les divisions de chaque niveau");
    }
}
