using Carter;
using Cpro.Book.Domain;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>The learner takes a réussite back from the bin, at its place in the book.</summary>
internal static class RestaurerReussite
{
    internal sealed record Command(Guid ReussiteId) : ICommand<ReussiteDto>;

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator) : ICommandHandler<Command, ReussiteDto>
    {
        public async ValueTask<ReussiteDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (lecteur, reussite) = await LireReussite.TrouverAsync(session, mediator, user, command.ReussiteId, cancellationToken, corbeille: true);
            lecteur.Rediger();
            var version = reussite.Version;
            reussite.SupprimeeLe = null;
            session.StoreRevision(reussite, version);
            var medias = await MediaReussite.DeAsync(session, [reussite.Id], cancellationToken);
            var commentaires = await session.Query<CommentaireReussite>().Where(c => c.ReussiteId == reussite.Id).ToListAsync(cancellationToken);
            return ReussiteDto.De(reussite, await Diplome.ParCodeAsync(mediator, reussite.Referentiel, cancellationToken), medias[reussite.Id], commentaires);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/reussites/{reussiteId:guid}/restauration", async (Guid reussiteId, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(reussiteId), ct)))
                .WithSummary("Restaurer une réussite de la corbeille (l'apprenant)");
    }
}
