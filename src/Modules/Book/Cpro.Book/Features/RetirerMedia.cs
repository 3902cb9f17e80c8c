using Carter;
using Cpro.Book.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>The learner removes a photo or document from a réussite; its bytes go with it, freeing the space.</summary>
internal static class RetirerMedia
{
    internal sealed record Command(Guid ReussiteId, Guid MediaId) : ICommand;

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var (lecteur, reussite) = await LireReussite.TrouverAsync(session, mediator, user, command.ReussiteId, cancellationToken);
            lecteur.Rediger();
            var media = await session.LoadAsync<MediaReussite>(command.MediaId, cancellationToken) is { } m && m.ReussiteId == reussite.Id
                ? m
                : throw new IntrouvableException("Photo ou document introuvable.");
            session.Delete(media);
            session.Delete<ContenuMedia>(media.Id);
            return Unit.Value;
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapDelete("/reussites/{reussiteId:guid}/medias/{mediaId:guid}", async (Guid reussiteId, Guid mediaId, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new Command(reussiteId, mediaId), ct);
                    return TypedResults.NoContent();
                })
                .WithSummary("Retirer une photo ou un document d'une réussite (l'apprenant)");
    }
}
