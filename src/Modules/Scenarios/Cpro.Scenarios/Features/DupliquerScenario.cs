using Carter;
using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Scenarios.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Scenarios.Features;

/// <summary>A teacher copies a scenario of the team (or one shared by another establishment) to make it theirs.</summary>
internal static class DupliquerScenario
{
    internal sealed record Command(Guid Id) : ICommand<ScenarioDto>;

    internal sealed class Handler(IDocumentSession session, EspaceFichiers espace, ICurrentUser user, IMediator mediator,
        TimeProvider clock) : ICommandHandler<Command, ScenarioDto>
    {
        public async ValueTask<ScenarioDto> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesScenarios.Enseignant(user);
            var etablissement = AccesScenarios.Etablissement(user);
            var source = await Scenario.TrouverAsync(session, command.Id, cancellationToken);
            var index = await AccesScenarios.ReferentielAbonneAsync(mediator, etablissement, source.Referentiel, cancellationToken);
            var titre = $"Copie de {source.Titre}";
            var (copie, ressources) = await Copie.CopierAsync(session, espace, session, etablissement, source, user.UserId, user.NomComplet ?? "",
                titre.Length > 200 ? titre[..200] : titre, $"Copie de « {source.Titre} » ({source.AuteurNom})", clock.GetUtcNow(), cancellationToken);
            return ScenarioDto.De(copie, ressources, index, user.UserId);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/{id:guid}/duplication", async (Guid id, IMediator mediator, CancellationToken ct) =>
                {
                    var copie = await mediator.Send(new Command(id), ct);
                    return TypedResults.Created($"/api/scenarios/{copie.Id}", copie);
                })
                .WithSummary("Dupliquer un scénario (la copie appartient à l'enseignant qui duplique)");
    }
}
