using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Cpro.Etablissements.Features.CreerEtablissement;

namespace Cpro.Etablissements.Features;

/// <summary>The platform administrator's list of establishments.</summary>
internal static class ListerEtablissements
{
    internal sealed record Query : IQuery<IReadOnlyList<EtablissementDto>>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<EtablissementDto>>
    {
        public async ValueTask<IReadOnlyList<EtablissementDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!user.IsPlatformAdmin)
            {
                throw new InterditException();
            }
            var etablissements = await session.Query<Etablissement>().OrderBy(e => e.Nom).ToListAsync(cancellationToken);
            return etablissements.Select(EtablissementDto.From).ToList();
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
                .RequireAuthorization(p => p.RequireRole(Profils.AdministrateurPlateforme))
                .WithSummary("Lister les établissements (administrateur de la plateforme)");
    }
}
