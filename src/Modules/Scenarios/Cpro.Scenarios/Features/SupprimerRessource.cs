using Carter;
using Cpro.Kernel.Identity;
using Cpro.Scenarios.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Scenarios.Features;

/// <summary>The author or a co-author removes a resource; its bytes go with it, freeing the establishment's space.</summary>
internal static class SupprimerRessource
{
    internal sealed record Command(Guid ScenarioId, Guid RessourceId) : ICommand;

    internal sealed class Handler(IDocumentSession session, ICurrentUser user) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesScenarios.Enseignant(user);
            var scenario = await Scenario.TrouverAsync(session, command.ScenarioId, cancellationToken);
            scenario.VerifierAuteurRessources(user);
            var ressource = await Ressource.TrouverAsync(session, scenario, command.RessourceId, cancellationToken);
            session.Delete<Ressource>(ressource.Id);
            session.Delete<ContenuRessource>(ressource.Id);
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
