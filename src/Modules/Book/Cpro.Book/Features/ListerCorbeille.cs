using Carter;
using Cpro.Book.Domain;
using Cpro.Kernel.Identity;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>The learner's bin: the réussites they deleted, most recent first, until purged.</summary>
internal static class ListerCorbeille
{
    internal sealed record Query : IQuery<IReadOnlyList<ReussiteDto>>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, IReadOnlyList<ReussiteDto>>
    {
        public async ValueTask<IReadOnlyList<ReussiteDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var lecteur = await AccesBook.MoiAsync(session, mediator, user, cancellationToken);
            return await ContenuReussite.ListerAsync(session, lecteur, await Diplome.DeAsync(mediator, lecteur.Etablissement, lecteur.Apprenant.Division, cancellationToken),
                true, cancellationToken);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/corbeille", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
                .WithSummary("Les réussites supprimées, restaurables 30 jours (l'apprenant)");
    }
}
