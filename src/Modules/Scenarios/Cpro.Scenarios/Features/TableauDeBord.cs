using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Identity;
using Cpro.Scenarios.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

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

    internal sealed class Handler(ScenariosDbContext db, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, TableauDto>
    {
        public async ValueTask<TableauDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var apprenant = await SuiviApprenants.VerifierAsync(db, user, mediator, query.ApprenantId, cancellationToken);
            var regle = await db.ParametresSuivi.AsNoTracking().Select(p => (RegleSynthese?)p.Regle).SingleOrDefaultAsync(cancellationToken) ?? RegleSynthese.PlusRecent;
            var lignes = await (
                    from p in db.Positionnements.AsNoTracking()
                    join e in db.Evaluations.AsNoTracking() on p.EvaluationId equals e.Id
                    where p.ApprenantId == query.ApprenantId
                    select new { e.Referentiel, EvaluationId = e.Id, e.CreeLe, p.Date, p.Item, p.Competence, p.Niveau, p.Commentaire })
                .ToListAsync(cancellationToken);
            var ids = lignes.Select(l => l.EvaluationId).Distinct().ToList();
            var evaluations = await db.Evaluations.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderBy(e => e.Date).ThenBy(e => e.CreeLe)
                .Select(e => new EvaluationSuiviDto(e.Id, e.Titre, e.Date, e.EnseignantNom)).ToListAsync(cancellationToken);
            var referentiels = new List<ReferentielSuiviDto>();
            foreach (var parReferentiel in lignes.GroupBy(l => l.Referentiel).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var index = await AccesScenarios.ReferentielAsync(mediator, parReferentiel.Key, cancellationToken);
                var parCompetence = parReferentiel.ToLookup(l => l.Competence);
                var competences = index.Referentiel.Competences
                    .Where(c => query.Bloc is null || c.Blocs.Contains(query.Bloc))
                    .Select(c =>
                    {
                        var siennes = parCompetence[c.Code].OrderBy(l => l.Date).ThenBy(l => l.CreeLe).ToList();
                        var (niveau, explication) = Synthese.Calculer(regle, [.. siennes.Select(l => new Synthese.Point(l.Date, l.CreeLe.UtcTicks, l.Niveau))]);
                        return new CompetenceSuiviDto(c.Code, c.Intitule, c.Blocs, niveau?.Code(), niveau?.Libelle(), explication,
                            [.. siennes.Select(l => new PositionnementDto(l.EvaluationId, l.Date, l.Item, l.Niveau.Code(), l.Commentaire))]);
                    })
                    .ToList();
                referentiels.Add(new ReferentielSuiviDto(index.Referentiel.Code, index.Referentiel.Intitule,
                    [.. index.Referentiel.Blocs.Select(b => new BlocSuiviDto(b.Code, b.Intitule))], competences));
            }
            return new TableauDto(apprenant, regle.Code(), regle.Libelle(), evaluations, referentiels);
        }
    }

    internal sealed class ListeHandler(ScenariosDbContext db, ICurrentUser user, IMediator mediator) : IQueryHandler<ListeQuery, IReadOnlyList<ApprenantEtablissement>>
    {
        public async ValueTask<IReadOnlyList<ApprenantEtablissement>> Handle(ListeQuery query, CancellationToken cancellationToken) =>
            await SuiviApprenants.SuivisAsync(db, user, mediator, cancellationToken);
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
