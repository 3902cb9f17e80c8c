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

/// <summary>The learner deletes a réussite: it goes to the bin with its medias and comments, restorable for
/// <see cref="PurgerCorbeille.Jours"/> days (<see cref="RestaurerReussite"/>), then purged.</summary>
internal static class SupprimerReussite
{
    internal sealed record Command(Guid ReussiteId) : ICommand;

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var (lecteur, reussite) = await LireReussite.TrouverAsync(session, mediator, user, command.ReussiteId, cancellationToken);
            lecteur.Rediger();
            var version = reussite.Version;
            reussite.SupprimeeLe = clock.GetUtcNow();
            session.StoreRevision(reussite, version);
            return Unit.Value;
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapDelete("/reussites/{reussiteId:guid}", async (Guid reussiteId, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new Command(reussiteId), ct);
                    return TypedResults.NoContent();
                })
                .WithSummary("Mettre une réussite à la corbeille (l'apprenant ; restaurable 30 jours)");
    }
}
