using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Scenarios.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Scenarios.Features;

/// <summary>An evaluation's grid as the teaching team reads it, with the version to save from; and the list of
/// evaluations of a scenario.</summary>
internal static class LireGrille
{
    internal sealed record Query(Guid EvaluationId) : IQuery<GrilleDto>;

    internal sealed record ListeQuery(Guid? ScenarioId) : IQuery<IReadOnlyList<CreerEvaluation.EvaluationResume>>;

    internal sealed record GrilleDto(Guid Id, Guid ScenarioId, string Titre, string Referentiel, string NiveauClasse, DateOnly Date, string EnseignantNom,
        string Mode, IReadOnlyList<ItemDto> Items, IReadOnlyList<ApprenantDto> Apprenants, IReadOnlyList<CelluleDto> Cellules, int VersionGrille);

    internal sealed record ItemDto(string Code, string Intitule, string Competence);

    internal sealed record ApprenantDto(Guid Id, string Nom, string Prenom, string? Division);

    internal sealed record CelluleDto(Guid Apprenant, string Item, string Valeur, string? Commentaire, string ModifiePar, DateTimeOffset ModifieLe);

    public static async Task<Evaluation> TrouverAsync(ScenariosDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Evaluations.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new IntrouvableException("Évaluation introuvable.");

    internal sealed class Handler(ScenariosDbContext db, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, GrilleDto>
    {
        public async ValueTask<GrilleDto> Handle(Query query, CancellationToken cancellationToken)
        {
            AccesScenarios.Lecteur(user);
            var evaluation = await TrouverAsync(db, query.EvaluationId, cancellationToken);
            var index = await AccesScenarios.ReferentielAsync(mediator, evaluation.Referentiel, cancellationToken);
            var apprenants = (await mediator.Send(new ObtenirApprenants(evaluation.EtablissementId, evaluation.Apprenants), cancellationToken))
                .ToDictionary(a => a.UtilisateurId);
            var cellules = await db.Positionnements.AsNoTracking().Where(p => p.EvaluationId == evaluation.Id)
                .Select(p => new CelluleDto(p.ApprenantId, p.Item, p.Niveau.Code(), p.Commentaire, p.ModifiePar, p.ModifieLe))
                .ToListAsync(cancellationToken);
            return new GrilleDto(evaluation.Id, evaluation.ScenarioId, evaluation.Titre, evaluation.Referentiel, evaluation.NiveauClasse, evaluation.Date,
                evaluation.EnseignantNom, evaluation.Mode,
                [.. evaluation.Items.Select(i => new ItemDto(i, index.Intitule(i), index.CompetenceDe(i)))],
                [.. evaluation.Apprenants.Select(id => apprenants.TryGetValue(id, out var a)
                    ? new ApprenantDto(id, a.Nom, a.Prenom, a.Division)
                    : new ApprenantDto(id, "(apprenant parti)", "", null))],
                cellules, evaluation.VersionGrille);
        }
    }

    internal sealed class ListeHandler(ScenariosDbContext db, ICurrentUser user) : IQueryHandler<ListeQuery, IReadOnlyList<CreerEvaluation.EvaluationResume>>
    {
        public async ValueTask<IReadOnlyList<CreerEvaluation.EvaluationResume>> Handle(ListeQuery query, CancellationToken cancellationToken)
        {
            AccesScenarios.Lecteur(user);
            var evaluations = db.Evaluations.AsNoTracking();
            if (query.ScenarioId is { } scenario)
            {
                evaluations = evaluations.Where(e => e.ScenarioId == scenario);
            }
            return [.. (await evaluations.OrderByDescending(e => e.Date).ThenByDescending(e => e.CreeLe).ToListAsync(cancellationToken)).Select(CreerEvaluation.Resume)];
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
