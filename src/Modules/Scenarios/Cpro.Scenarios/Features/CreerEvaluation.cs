using Carter;
using Cpro.Etablissements.Contracts;
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

/// <summary>« Créer une grille de positionnement »: a scenario becomes an evaluation when learners of its class level are
/// given to it, at a date. The grid's columns are the scenario's compétences, or its critères.</summary>
internal static class CreerEvaluation
{
    /// <summary>The learners a grid may hold: those of the divisions the subscription ties to the scenario's level.</summary>
    internal sealed record ApprenantsQuery(Guid ScenarioId) : IQuery<IReadOnlyList<ApprenantEtablissement>>;

    internal sealed record Command(Guid ScenarioId, DateOnly? Date, IReadOnlyList<Guid>? Apprenants, string? Mode) : ICommand<EvaluationResume>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Date).NotNull().WithMessage("La date de l'évaluation est obligatoire.");
            RuleFor(c => c.Mode).Must(m => m is null or Evaluation.ModeCompetences or Evaluation.ModeCriteres)
                .WithMessage("Le mode est « competences » ou « criteres ».");
        }
    }

    private static async Task<IReadOnlyList<ApprenantEtablissement>> ApprenantsDuNiveauAsync(IMediator mediator, Guid etablissement, Scenario scenario,
        CancellationToken cancellationToken)
    {
        var abonnement = (await mediator.Send(new ListerAbonnements(etablissement), cancellationToken)).FirstOrDefault(a => a.Referentiel == scenario.Referentiel)
                         ?? throw new NonTraitableException($"L'établissement n'est plus abonné au diplôme {scenario.Referentiel}.");
        var divisions = abonnement.Niveaux.Where(n => n.NiveauClasse == scenario.NiveauClasse).SelectMany(n => n.Divisions).Distinct().ToList();
        if (divisions.Count == 0)
        {
            throw new NonTraitableException($"Aucune division n'est rattachée au niveau {NiveauClasse.LibelleDe(scenario.NiveauClasse)} de ce diplôme : complétez l'abonnement.");
        }
        return await mediator.Send(new ListerApprenantsDesDivisions(etablissement, divisions), cancellationToken);
    }

    internal sealed class ApprenantsHandler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<ApprenantsQuery, IReadOnlyList<ApprenantEtablissement>>
    {
        public async ValueTask<IReadOnlyList<ApprenantEtablissement>> Handle(ApprenantsQuery query, CancellationToken cancellationToken)
        {
            AccesScenarios.Enseignant(user);
            return await ApprenantsDuNiveauAsync(mediator, AccesScenarios.Etablissement(user),
                await Scenario.TrouverAsync(session, query.ScenarioId, cancellationToken), cancellationToken);
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, EvaluationResume>
    {
        public async ValueTask<EvaluationResume> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesScenarios.Enseignant(user);
            var etablissement = AccesScenarios.Etablissement(user);
            var scenario = await Scenario.TrouverAsync(session, command.ScenarioId, cancellationToken);
            var index = await AccesScenarios.ReferentielAbonneAsync(mediator, etablissement, scenario.Referentiel, cancellationToken);
            var niveau = await ApprenantsDuNiveauAsync(mediator, etablissement, scenario, cancellationToken);
            var choisis = command.Apprenants is null ? niveau.Select(a => a.UtilisateurId).ToList() : command.Apprenants.Distinct().ToList();
            if (choisis.Count == 0)
            {
                throw new NonTraitableException("Choisissez au moins un apprenant.");
            }
            var permis = niveau.Select(a => a.UtilisateurId).ToHashSet();
            if (choisis.Any(a => !permis.Contains(a)))
            {
                throw new NonTraitableException($"{choisis.Count(a => !permis.Contains(a))} apprenant(s) choisi(s) ne sont pas du niveau {NiveauClasse.LibelleDe(scenario.NiveauClasse)} de ce diplôme.");
            }
            var mode = command.Mode ?? Evaluation.ModeCompetences;
            var items = mode == Evaluation.ModeCriteres ? scenario.Criteres : index.CompetencesDerivees(scenario.Taches, scenario.Criteres);
            if (items.Count == 0)
            {
                throw new NonTraitableException(mode == Evaluation.ModeCriteres
                    ? "Le scénario ne retient aucun critère : choisissez le mode « compétences » ou complétez sa liaison avec le référentiel."
                    : "Le scénario ne vise aucune compétence : complétez sa liaison avec le référentiel.");
            }
            // In the order of the level's list: the grid's rows.
            var ordre = niveau.Select((a, i) => (a.UtilisateurId, i)).ToDictionary(x => x.UtilisateurId, x => x.i);
            var creation = new EvaluationCreee(scenario.Id, scenario.Titre, scenario.Referentiel, scenario.NiveauClasse, command.Date!.Value,
                user.UserId!.Value, user.NomComplet ?? "", mode, [.. items], [.. choisis.OrderBy(a => ordre[a])], clock.GetUtcNow());
            // The evaluation's stream: its grid (version 0) and its learners' follow-up are projected from it on save.
            var id = Guid.NewGuid();
            session.Events.StartStream<Evaluation>(id, creation);
            return EvaluationResume.De(creation, id);
        }
    }

    internal sealed record Corps(DateOnly? Date, IReadOnlyList<Guid>? Apprenants, string? Mode);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapGet("/{id:guid}/apprenants", async (Guid id, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new ApprenantsQuery(id), ct)))
                .WithSummary("Les apprenants du niveau du scénario, à qui l'évaluer");
            app.MapPost("/{id:guid}/evaluations", async (Guid id, Corps corps, IMediator mediator, CancellationToken ct) =>
                {
                    var evaluation = await mediator.Send(new Command(id, corps.Date, corps.Apprenants, corps.Mode), ct);
                    return TypedResults.Created($"/api/scenarios/evaluations/{evaluation.Id}", evaluation);
                })
                .WithSummary("Créer une grille de positionnement (apprenants : tous ceux du niveau si absent)");
        }
    }
}
