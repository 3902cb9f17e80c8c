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

/// <summary>« Historique » of a grid: every save, newest first, with who made it, when, and each cell it changed from
/// what to what; read from the evaluation's stream. Whoever reads the grid reads its history.</summary>
internal static class HistoriqueGrille
{
    internal sealed record Query(Guid EvaluationId) : IQuery<IReadOnlyList<EnregistrementDto>>;

    /// <summary>One save; <paramref name="VersionGrille"/> is the grid's version it made.</summary>
    internal sealed record EnregistrementDto(int VersionGrille, string Auteur, DateTimeOffset Le, IReadOnlyList<ChangementDto> Changements);

    /// <summary>A cell's value (and comment) before and after; <paramref name="Avant"/> is null for a cell never filled.</summary>
    internal sealed record ChangementDto(Guid Apprenant, string ApprenantNom, string Item, string? Avant, string? CommentaireAvant, string Apres,
        string? Commentaire);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, IReadOnlyList<EnregistrementDto>>
    {
        public async ValueTask<IReadOnlyList<EnregistrementDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            AccesScenarios.Lecteur(user);
            // 404 unless the grid is the establishment's: its stream is the same establishment's.
            var evaluation = await Evaluation.TrouverAsync(session, query.EvaluationId, cancellationToken);
            var evenements = await session.Events.FetchStreamAsync(evaluation.Id, token: cancellationToken);
            var enregistrements = evenements.Where(e => e.Data is GrilleEnregistree).ToList();
            var concernes = enregistrements.SelectMany(e => ((GrilleEnregistree)e.Data).Cellules.Select(c => c.ApprenantId)).Distinct().ToList();
            var noms = concernes.Count == 0
                ? []
                : (await mediator.Send(new ObtenirApprenants(AccesScenarios.Etablissement(user), concernes), cancellationToken))
                    .ToDictionary(a => a.UtilisateurId, a => $"{a.Prenom} {a.Nom}");
            return
            [
                .. enregistrements.OrderByDescending(e => e.Version).Select(e =>
                {
                    var enregistrement = (GrilleEnregistree)e.Data;
                    return new EnregistrementDto((int)e.Version - 1, enregistrement.Auteur, enregistrement.Le,
                    [
                        .. enregistrement.Cellules.Select(c => new ChangementDto(c.ApprenantId, noms.GetValueOrDefault(c.ApprenantId, "(apprenant parti)"),
                            c.Item, c.NiveauAvant?.Code(), c.CommentaireAvant, c.Niveau.Code(), c.Commentaire)),
                    ]);
                }),
            ];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/evaluations/{id:guid}/historique", async (Guid id, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(id), ct)))
                .WithSummary("Historique de la grille : chaque enregistrement, du plus récent au plus ancien (qui, quand, chaque cellule avant et après)");
    }
}
