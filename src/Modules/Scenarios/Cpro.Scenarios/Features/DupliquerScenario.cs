using Carter;
using Cpro.Kernel.Identity;
using Cpro.Scenarios.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Cpro.Scenarios.Features;

/// <summary>A teacher copies a scenario of the team (or one shared by another establishment) to make it theirs.</summary>
internal static class DupliquerScenario
{
    internal sealed record Command(Guid Id) : ICommand<ScenarioDto>;

    internal sealed class Handler(ScenariosDbContext db, ICurrentUser user, IMediator mediator, IConfiguration configuration, TimeProvider clock)
        : ICommandHandler<Command, ScenarioDto>
    {
        public async ValueTask<ScenarioDto> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesScenarios.Enseignant(user);
            var source = await ModifierScenario.TrouverAsync(db, command.Id, cancellationToken);
            var index = await AccesScenarios.ReferentielAbonneAsync(mediator, source.EtablissementId, source.Referentiel, cancellationToken);
            var titre = $"Copie de {source.Titre}";
            var copie = await Copie.CopierAsync(db, source, source.EtablissementId, user.UserId, user.NomComplet ?? "", titre.Length > 200 ? titre[..200] : titre,
                $"Copie de « {source.Titre} » ({source.AuteurNom})", clock.GetUtcNow(), configuration, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return await ScenarioDto.LireAsync(db, copie, index, user.UserId, cancellationToken);
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
