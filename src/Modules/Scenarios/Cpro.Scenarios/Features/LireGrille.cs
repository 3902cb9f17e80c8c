using System.Globalization;
using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Identity;
using Cpro.Scenarios.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Scenarios.Features;

/// <summary>An evaluation's grid as the teaching team reads it, with the version to save from; and the list of
/// evaluations of a scenario.</summary>
internal static class LireGrille
{
    internal sealed record Query(Guid EvaluationId) : IQuery<GrilleDto>;

    internal sealed record ListeQuery(Guid? ScenarioId) : IQuery<IReadOnlyList<EvaluationResume>>;

    internal sealed record GrilleDto(Guid Id, Guid ScenarioId, string Titre, string Referentiel, string NiveauClasse, DateOnly Date, string EnseignantNom,
        string Mode, IReadOnlyList<ItemDto> Items, IReadOnlyList<ApprenantDto> Apprenants, IReadOnlyList<CelluleDto> Cellules, int VersionGrille);

    internal sealed record ItemDto(string Code, string Intitule, string Competence);

    internal sealed record ApprenantDto(Guid Id, string Nom, string Prenom, string? Division);

    internal sealed record CelluleDto(Guid Apprenant, string Item, string Valeur, string? Commentaire, string ModifiePar, DateTimeOffset ModifieLe);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, GrilleDto>
    {
        private static readonly StringComparer Alphabetique = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), CompareOptions.IgnoreCase);

        public async ValueTask<GrilleDto> Handle(Query query, CancellationToken cancellationToken)
        {
            AccesScenarios.Lecteur(user);
            // The grid is a document projected from its stream: one load, whatever the number of saves.
            var evaluation = await Evaluation.TrouverAsync(session, query.EvaluationId, cancellationToken);
            var index = await AccesScenarios.ReferentielAsync(mediator, evaluation.Referentiel, cancellationToken);
            var apprenants = (await mediator.Send(new ObtenirApprenants(AccesScenarios.Etablissement(user), evaluation.Apprenants), cancellationToken))
                .ToDictionary(a => a.UtilisateurId);
            return new GrilleDto(evaluation.Id, evaluation.ScenarioId, evaluation.Titre, evaluation.Referentiel, evaluation.NiveauClasse, evaluation.Date,
                evaluation.EnseignantNom, evaluation.Mode,
                [.. evaluation.Items.Select(i => new ItemDto(i, index.Intitule(i), index.CompetenceDe(i)))],
                // Rows by name, as the grid shows them (« NOM Prénom »); a learner who left comes last.
                [.. evaluation.Apprenants.Select(id => apprenants.TryGetValue(id, out var a)
                    ? new ApprenantDto(id, a.Nom, a.Prenom, a.Division)
                    : new ApprenantDto(id, "(apprenant parti)", "", null))
                    .OrderBy(a => !apprenants.ContainsKey(a.Id)).ThenBy(a => a.Nom, Alphabetique).ThenBy(a => a.Prenom, Alphabetique)],
                [.. evaluation.Cellules.Select(c => new CelluleDto(c.ApprenantId, c.Item, c.Niveau.Code(), c.Commentaire, c.ModifiePar, c.ModifieLe))],
                evaluation.VersionGrille);
        }
    }

    internal sealed class ListeHandler(IQuerySession session, ICurrentUser user) : IQueryHandler<ListeQuery, IReadOnlyList<EvaluationResume>>
    {
        public async ValueTask<IReadOnlyList<EvaluationResume>> Handle(ListeQuery query, CancellationToken cancellationToken)
        {
            AccesScenarios.Lecteur(user);
            var evaluations = session.Query<Evaluation>().AsQueryable();
            if (query.ScenarioId is { } scenario)
            {
                evaluations = evaluations.Where(e => e.ScenarioId == scenario);
            }
            // What a list shows, not the cells.
            var liste = await evaluations
                .Select(e => new { e.Id, e.ScenarioId, e.Titre, e.Date, e.EnseignantNom, e.Mode, e.Apprenants, e.Items, e.CreeLe })
                .ToListAsync(cancellationToken);
            return [.. liste.OrderByDescending(e => e.Date).ThenByDescending(e => e.CreeLe)
                .Select(e => new EvaluationResume(e.Id, e.ScenarioId, e.Titre, e.Date, e.EnseignantNom, e.Mode, e.Apprenants.Count, e.Items.Count))];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapGet("/evaluations", async (Guid? scenario, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new ListeQuery(scenario), ct)))
                .WithSummary("Lister les évaluations (filtre : scenario)");
            app.MapGet("/evaluations/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(id), ct)))
                .WithSummary("Lire la grille de positionnement d'une évaluation");
        }
    }
}
