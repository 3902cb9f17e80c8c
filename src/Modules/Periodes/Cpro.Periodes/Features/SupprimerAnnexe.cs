using Carter;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Periodes.Features;

/// <summary>A teacher deletes an annex of the team. The company periods made from it copied what they need and keep
/// pointing to it without a foreign key: they stay as they are.</summary>
internal static class SupprimerAnnexe
{
    internal sealed record Command(Guid Id) : ICommand;

    internal sealed class Handler(IDocumentSession session, UnitOfWork unitOfWork, ICurrentUser user) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesPeriodes.Enseignant(user);
            await ContenuAnnexe.VerrouillerAsync(unitOfWork, command.Id, cancellationToken);
            session.Delete(await ContenuAnnexe.TrouverAsync(session, command.Id, cancellationToken));
            return Unit.Value;
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapDelete("/annexes/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new Command(id), ct);
                    return TypedResults.NoContent();
                })
                .WithSummary("Supprimer une annexe pédagogique (les périodes déclarées à partir d'elle sont conservées)");
    }
}
