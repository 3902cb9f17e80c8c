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
/// saying how, after an overview: per bloc and month after month, how many competences stand at each degree. Filter by bloc.</summary>
internal static class TableauDeBord
{
    internal sealed record Query(Guid ApprenantId, string? Bloc = null) : IQuery<TableauDto>;

    internal sealed record ListeQuery : IQuery<IReadOnlyList<ApprenantEtablissement>>;

    /// <summary>Each evaluation once, positionings pointing to it: three years make about 1,500 positionings.</summary>
    internal sealed record TableauDto(ApprenantEtablissement Apprenant, string Regle, string RegleLibelle, IReadOnlyList<EvaluationSuiviDto> Evaluations,
        IReadOnlyList<ReferentielSuiviDto> Referentiels);

    /// <summary><see cref="EnEntreprise"/>: a bilan en entreprise's positionings (with the tutor or maître d'apprentissage), not a school grid.</summary>
    internal sealed record EvaluationSuiviDto(Guid Id, string Titre, DateOnly Date, string Enseignant, bool EnEntreprise);

    internal sealed record ReferentielSuiviDto(string Code, string Intitule, IReadOnlyList<BlocSuiviDto> Blocs, IReadOnlyList<BlocApercuDto> ParBloc,
        IReadOnlyList<MoisApercuDto> ParMois, IReadOnlyList<CompetenceSuiviDto> Competences);

    internal sealed record BlocApercuDto(string Code, string Intitule, ApercuSuivi.Effectifs Effectifs);

    /// <summary>The levels at the end of the month (its first day).</summary>
    internal sealed record MoisApercuDto(DateOnly Mois, ApercuSuivi.Effectifs Effectifs);

    internal sealed record BlocSuiviDto(string Code, string Intitule);

    internal sealed record CompetenceSuiviDto(string Code, string Intitule, IReadOnlyList<string> Blocs, string? Synthese, string? SyntheseLibelle,
        string Explication, IReadOnlyList<PositionnementDto> Positionnements);

    /// <summary><paramref name="Item"/> is what was evaluated: the competence itself, or one of its criteria.</summary>
    internal sealed record PositionnementDto(Guid EvaluationId, DateOnly Date, string Item, string ItemIntitule, string Valeur, string? Commentaire);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, TableauDto>
    {
        public async ValueTask<TableauDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var suivi = await SuiviCompetences.CalculerAsync(session, user, mediator, query.ApprenantId, query.Bloc, cancellationToken);
            return new TableauDto(suivi.Apprenant, suivi.Regle.Code(), suivi.Regle.Libelle(),
                [.. suivi.Evaluations.Select(e => new EvaluationSuiviDto(e.Id, e.Titre, e.Date, e.EnseignantNom, e.EnEntreprise))],
                [.. suivi.Referentiels.Select(r => new ReferentielSuiviDto(r.Index.Referentiel.Code, r.Index.Referentiel.Intitule,
                    [.. r.Index.Referentiel.Blocs.Select(b => new BlocSuiviDto(b.Code, b.Intitule))],
                    [.. ApercuSuivi.ParBloc(r).Select(b => new BlocApercuDto(b.Referentiel.Code, b.Referentiel.Intitule, b.Effectifs))],
                    [.. ApercuSuivi.ParMois(r, suivi.Regle).Select(m => new MoisApercuDto(m.Debut, m.Effectifs))],
                    [.. r.Competences.Select(c => new CompetenceSuiviDto(c.Competence.Code, c.Competence.Intitule, c.Competence.Blocs, c.Niveau?.Code(),
                        c.Niveau?.Libelle(), c.Explication,
                        [.. c.Positionnements.Select(p => new PositionnementDto(p.Evaluation.Id, p.Evaluation.Date, p.Item,
                            r.Index.Intitule(p.Item), p.Niveau.Code(),
                            p.Evaluation.Commentaires.GetValueOrDefault(p.Item)))]))]))]);
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
