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

/// <summary>« Tableau de bord de suivi »: for one learner, every competence of the référentiels they were evaluated on,
/// with all its positionings over time (evaluation, date, teacher) and the level the establishment's rule makes of them,
/// saying how. Filter by bloc.</summary>
internal static class TableauDeBord
{
    internal sealed record Query(Guid ApprenantId, string? Bloc = null) : IQuery<TableauDto>;

    internal sealed record ListeQuery : IQuery<IReadOnlyList<ApprenantEtablissement>>;

    /// <summary>Each evaluation once, positionings pointing to it: three years make about 1,500 positionings.</summary>
    internal sealed record TableauDto(ApprenantEtablissement Apprenant, string Regle, string RegleLibelle, IReadOnlyList<EvaluationSuiviDto> Evaluations,
        IReadOnlyList<ReferentielSuiviDto> Referentiels);

    internal sealed record EvaluationSuiviDto(Guid Id, string Titre, DateOnly Date, string Enseignant);

    internal sealed record ReferentielSuiviDto(string Code, string Intitule, IReadOnlyList<BlocSuiviDto> Blocs, IReadOnlyList<CompetenceSuiviDto> Competences);

    internal sealed record BlocSuiviDto(string Code, string Intitule);

    internal sealed record CompetenceSuiviDto(string Code, string Intitule, IReadOnlyList<string> Blocs, string? Synthese, string? SyntheseLibelle,
        string Explication, IReadOnlyList<PositionnementDto> Positionnements);

    internal sealed record PositionnementDto(Guid EvaluationId, DateOnly Date, string Item, string Valeur, string? Commentaire);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, TableauDto>
    {
        public async ValueTask<TableauDto> Handle(Query query, CancellationToken cancellationToken)
        {
            // The learner's follow-up (their positionings across evaluations, projected from the grids' events) and the
            // establishment's rule in one round trip; nothing of them is shown before the check of who may follow whom.
            var lecture = session.CreateBatchQuery();
            var suiviLu = lecture.Load<SuiviApprenant>(query.ApprenantId);
            var parametresLus = lecture.Load<ParametresSuivi>(ParametresSuivi.Cle);
            await lecture.Execute(cancellationToken);
            var suivi = await suiviLu;
            var apprenant = await AccesSuivi.VerifierAsync(user, mediator, query.ApprenantId, suivi, cancellationToken);
            var regle = ParametresSuivi.RegleDe(await parametresLus);
            var evaluees = (suivi?.Evaluations ?? []).Where(e => e.Niveaux.Count > 0).OrderBy(e => e.Date).ThenBy(e => e.CreeLe).ToList();
            var referentiels = new List<ReferentielSuiviDto>();
            foreach (var parReferentiel in evaluees.GroupBy(e => e.Referentiel).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var index = await AccesScenarios.ReferentielAsync(mediator, parReferentiel.Key, cancellationToken);
                // In evaluation order, hence by date then creation.
                var parCompetence = parReferentiel.SelectMany(e => e.Niveaux.Select(n => (Evaluation: e, Item: n.Key, Niveau: n.Value)))
                    .ToLookup(x => x.Evaluation.CompetenceDe(x.Item));
                var competences = index.Referentiel.Competences
                    .Where(c => query.Bloc is null || c.Blocs.Contains(query.Bloc))
                    .Select(c =>
                    {
                        var siens = parCompetence[c.Code].ToList();
                        var (niveau, explication) = Synthese.Calculer(regle,
                            [.. siens.Select(x => new Synthese.Point(x.Evaluation.Date, x.Evaluation.CreeLe.UtcTicks, x.Niveau))]);
                        return new CompetenceSuiviDto(c.Code, c.Intitule, c.Blocs, niveau?.Code(), niveau?.Libelle(), explication,
                            [.. siens.Select(x => new PositionnementDto(x.Evaluation.Id, x.Evaluation.Date, x.Item, x.Niveau.Code(),
                                x.Evaluation.Commentaires.GetValueOrDefault(x.Item)))]);
                    })
                    .ToList();
                referentiels.Add(new ReferentielSuiviDto(index.Referentiel.Code, index.Referentiel.Intitule,
                    [.. index.Referentiel.Blocs.Select(b => new BlocSuiviDto(b.Code, b.Intitule))], competences));
            }
            return new TableauDto(apprenant, regle.Code(), regle.Libelle(),
                [.. evaluees.Select(e => new EvaluationSuiviDto(e.Id, e.Titre, e.Date, e.EnseignantNom))], referentiels);
        }
    }

    internal sealed class ListeHandler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<ListeQuery, IReadOnlyList<ApprenantEtablissement>>
    {
        public async ValueTask<IReadOnlyList<ApprenantEtablissement>> Handle(ListeQuery query, CancellationToken cancellationToken) =>
            await AccesSuivi.SuivisAsync(session, user, mediator, cancellationToken);
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapGet("/suivi/apprenants", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListeQuery(), ct)))
                .WithSummary("Les apprenants dont l'utilisateur suit les compétences");
            app.MapGet("/suivi/apprenants/{id:guid}", async (Guid id, string? bloc, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(id, string.IsNullOrEmpty(bloc) ? null : bloc), ct)))
                .WithSummary("Tableau de bord de suivi d'un apprenant (filtre : bloc)");
        }
    }
}
