using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Scenarios.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Scenarios.Features;

/// <summary>Its author deletes a scenario, with its resources, as long as no evaluation was made from it.</summary>
internal static class SupprimerScenario
{
    internal sealed record Command(Guid Id) : ICommand;

    internal sealed class Handler(IDocumentSession session, ICurrentUser user) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesScenarios.Enseignant(user);
            var scenario = await Scenario.TrouverAsync(session, command.Id, cancellationToken);
            // A shared copy has no author: any teacher of the receiving establishment may remove it.
            if (scenario.AuteurId is { } auteur && auteur != user.UserId)
            {
                throw new InterditException("Seul l'auteur supprime un scénario.");
            }
            var evaluations = await session.Query<Evaluation>().CountAsync(e => e.ScenarioId == scenario.Id, cancellationToken);
            if (evaluations > 0)
            {
                throw new ConflitException($"Ce scénario a servi à {evaluations} évaluation(s) : il est conservé avec leurs résultats.");
            }
            var ressources = await session.Query<Ressource>().Where(r => r.ScenarioId == scenario.Id).Select(r => r.Id).ToListAsync(cancellationToken);
            foreach (var ressource in ressources)
            {
                session.Delete<Ressource>(ressource);
                session.Delete<ContenuRessource>(ressource);
            }
            session.Delete<Scenario>(scenario.Id);
            return Unit.Value;
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new Command(id), ct);
                    return TypedResults.NoContent();
                })
                .WithSummary("Supprimer un scénario (son auteur, s'il n'a servi à aucune évaluation)");
    }
}
