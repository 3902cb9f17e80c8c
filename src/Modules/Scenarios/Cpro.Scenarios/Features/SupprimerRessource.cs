using Carter;
using Cpro.Kernel.Identity;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Scenarios.Features;

/// <summary>The author or a co-author removes a resource; its bytes go with it (cascade), freeing the establishment's space.</summary>
internal static class SupprimerRessource
{
    internal sealed record Command(Guid ScenarioId, Guid RessourceId) : ICommand;

    internal sealed class Handler(ScenariosDbContext db, ICurrentUser user) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesScenarios.Enseignant(user);
            var scenario = await ModifierScenario.TrouverAsync(db, command.ScenarioId, cancellationToken);
            DeposerRessource.VerifierAuteur(scenario, user);
            db.Ressources.Remove(await TelechargerRessource.TrouverAsync(db, scenario, command.RessourceId, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapDelete("/{id:guid}/ressources/{ressourceId:guid}", async (Guid id, Guid ressourceId, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new Command(id, ressourceId), ct);
                    return TypedResults.NoContent();
                })
                .WithSummary("Retirer une ressource du scénario (auteur et co-auteurs)");
    }
}
