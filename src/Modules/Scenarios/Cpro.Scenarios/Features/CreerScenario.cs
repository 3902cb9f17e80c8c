using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Referentiels.Contracts;
using Cpro.Scenarios.Domain;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Scenarios.Features;

/// <summary>A teacher declares a scenario for a diploma the establishment subscribes to and one of its class levels.</summary>
internal static class CreerScenario
{
    internal sealed record Command(string Referentiel, string NiveauClasse, ContenuScenario Contenu) : ICommand<ScenarioDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Referentiel).NotEmpty().WithMessage("Choisissez le diplôme (référentiel).");
            RuleFor(c => c.NiveauClasse).NotEmpty().WithMessage("Choisissez le niveau de classe.");
            ContenuScenario.Regles(this, c => c.Contenu);
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, ScenarioDto>
    {
        public async ValueTask<ScenarioDto> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesScenarios.Enseignant(user);
            var etablissement = AccesScenarios.Etablissement(user);
            var index = await AccesScenarios.ReferentielAbonneAsync(mediator, etablissement, command.Referentiel, cancellationToken);
            if (!index.Referentiel.NiveauxDeClasse.Contains(command.NiveauClasse))
            {
                throw new NonTraitableException($"Le niveau {NiveauClasse.LibelleDe(command.NiveauClasse)} n'existe pas pour ce diplôme ({string.Join(", ", index.Referentiel.NiveauxDeClasse.Select(NiveauClasse.LibelleDe))}).");
            }
            await command.Contenu.VerifierAsync(index, mediator, etablissement, cancellationToken);
            var maintenant = clock.GetUtcNow();
            var scenario = new Scenario
            {
                AuteurId = user.UserId,
                AuteurNom = user.NomComplet ?? "",
                Referentiel = command.Referentiel,
                NiveauClasse = command.NiveauClasse,
                Titre = "",
                CreeLe = maintenant,
                ModifieLe = maintenant,
                Version = 1,
            };
            command.Contenu.Appliquer(scenario, index);
            session.Insert(scenario);
            return ScenarioDto.De(scenario, [], index, user.UserId);
        }
    }

    internal sealed record Corps(
        string Referentiel, string NiveauClasse, string Titre, bool CoIntervention, string? CoInterventionDiscipline, IReadOnlyList<Guid>? CoAuteurs,
        string? SituationProfessionnelle, string? ProblematiqueEtMissions, string? MaterielsEtLogiciels, IReadOnlyList<string>? Liens,
        string? EspacesDeFormation, IReadOnlyList<string>? Activites, IReadOnlyList<string>? Taches, IReadOnlyList<string>? Criteres,
        IReadOnlyList<string>? CompetencesTransversales)
    {
        public ContenuScenario Contenu => new(Titre, CoIntervention, CoInterventionDiscipline, CoAuteurs, SituationProfessionnelle, ProblematiqueEtMissions,
            MaterielsEtLogiciels, Liens, EspacesDeFormation, Activites, Taches, Criteres, CompetencesTransversales);
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/", async (Corps corps, IMediator mediator, CancellationToken ct) =>
                {
                    var cree = await mediator.Send(new Command(corps.Referentiel ?? "", corps.NiveauClasse ?? "", corps.Contenu), ct);
                    return TypedResults.Created($"/api/scenarios/{cree.Id}", cree);
                })
                .WithSummary("Créer un scénario pédagogique (enseignant)");
    }
}
