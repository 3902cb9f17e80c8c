using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Referentiels.Contracts;
using Cpro.Scenarios.Domain;
using FluentValidation;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Scenarios.Features;

/// <summary>Reads a scenario (the teaching team), or edits it (its author and co-authors), from the version read.</summary>
internal static class ModifierScenario
{
    internal sealed record Query(Guid Id) : IQuery<ScenarioDto>;

    internal sealed record Command(Guid Id, int Version, string NiveauClasse, ContenuScenario Contenu) : ICommand<ScenarioDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NiveauClasse).NotEmpty().WithMessage("Choisissez le niveau de classe.");
            ContenuScenario.Regles(this, c => c.Contenu);
        }
    }

    internal sealed class QueryHandler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, ScenarioDto>
    {
        public async ValueTask<ScenarioDto> Handle(Query query, CancellationToken cancellationToken)
        {
            AccesScenarios.Lecteur(user);
            var scenario = await Scenario.TrouverAsync(session, query.Id, cancellationToken);
            return await ScenarioDto.LireAsync(session, scenario, await AccesScenarios.ReferentielAsync(mediator, scenario.Referentiel, cancellationToken),
                user.UserId, cancellationToken);
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, ScenarioDto>
    {
        public async ValueTask<ScenarioDto> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesScenarios.Enseignant(user);
            var scenario = await Scenario.TrouverAsync(session, command.Id, cancellationToken);
            if (user.UserId is not { } moi || !scenario.Modifiable(moi))
            {
                throw new InterditException("Seuls l'auteur et les co-auteurs modifient un scénario ; dupliquez-le pour l'adapter.");
            }
            if (scenario.Version != command.Version)
            {
                throw new ConflitException($"Le scénario « {scenario.Titre} » a été modifié depuis que vous l'avez ouvert (le {scenario.ModifieLe.ToLocalTime():dd/MM/yyyy à HH:mm}) : rechargez-le avant d'enregistrer.");
            }
            var index = await AccesScenarios.ReferentielAsync(mediator, scenario.Referentiel, cancellationToken);
            if (!index.Referentiel.NiveauxDeClasse.Contains(command.NiveauClasse))
            {
                throw new NonTraitableException($"Le niveau {NiveauClasse.LibelleDe(command.NiveauClasse)} n'existe pas pour ce diplôme.");
            }
            await command.Contenu.VerifierAsync(index, mediator, AccesScenarios.Etablissement(user), cancellationToken);
            scenario.NiveauClasse = command.NiveauClasse;
            command.Contenu.Appliquer(scenario, index);
            scenario.ModifieLe = clock.GetUtcNow();
            // Saved with the command: refused (409) if someone saved it between the check above and the commit.
            session.StoreRevision(scenario, command.Version);
            // The answer gives the revision this save makes, to edit again from.
            scenario.Version = command.Version + 1;
            return await ScenarioDto.LireAsync(session, scenario, index, moi, cancellationToken);
        }
    }

    internal sealed record Corps(
        int Version, string NiveauClasse, string Titre, bool CoIntervention, string? CoInterventionDiscipline, IReadOnlyList<Guid>? CoAuteurs,
        string? SituationProfessionnelle, string? ProblematiqueEtMissions, string? MaterielsEtLogiciels, IReadOnlyList<string>? Liens,
        string? EspacesDeFormation, IReadOnlyList<string>? Activites, IReadOnlyList<string>? Taches, IReadOnlyList<string>? Criteres,
        IReadOnlyList<string>? CompetencesTransversales)
    {
        public ContenuScenario Contenu => new(Titre, CoIntervention, CoInterventionDiscipline, CoAuteurs, SituationProfessionnelle, ProblematiqueEtMissions,
            MaterielsEtLogiciels, Liens, EspacesDeFormation, Activites, Taches, Criteres, CompetencesTransversales);
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(id), ct)))
                .WithSummary("Lire un scénario");
            app.MapPut("/{id:guid}", async (Guid id, Corps corps, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(id, corps.Version, corps.NiveauClasse ?? "", corps.Contenu), ct)))
                .WithSummary("Modifier un scénario (auteur et co-auteurs ; version : celle lue, sinon 409)");
        }
    }
}
