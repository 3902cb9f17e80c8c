using Carter;
using Cpro.Kernel.Identity;
using Cpro.Referentiels.Contracts;
using Cpro.Scenarios.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Scenarios.Features;

/// <summary>The teaching team's scenarios, by diploma and class level, on the diplomas the establishment subscribes to.</summary>
internal static class ListerScenarios
{
    internal sealed record Query(string? Referentiel = null, string? NiveauClasse = null) : IQuery<IReadOnlyList<ScenarioResume>>;

    internal sealed record ScenarioResume(Guid Id, string Referentiel, string NiveauClasse, string Titre, string AuteurNom, bool Modifiable,
        string? Origine, int Evaluations, DateTimeOffset ModifieLe);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, IReadOnlyList<ScenarioResume>>
    {
        public async ValueTask<IReadOnlyList<ScenarioResume>> Handle(Query query, CancellationToken cancellationToken)
        {
            AccesScenarios.Lecteur(user);
            var abonnes = (await mediator.Send(new ListerAbonnements(AccesScenarios.Etablissement(user)), cancellationToken)).Select(a => a.Referentiel).ToList();
            var scenarios = session.Query<Scenario>().Where(s => abonnes.Contains(s.Referentiel));
            if (!string.IsNullOrEmpty(query.Referentiel))
            {
                scenarios = scenarios.Where(s => s.Referentiel == query.Referentiel);
            }
            if (!string.IsNullOrEmpty(query.NiveauClasse))
            {
                scenarios = scenarios.Where(s => s.NiveauClasse == query.NiveauClasse);
            }
            var liste = await scenarios.OrderBy(s => s.Referentiel).ThenBy(s => s.NiveauClasse).ThenBy(s => s.Titre).ToListAsync(cancellationToken);
            var ids = liste.Select(s => s.Id).ToList();
            var evaluations = (await session.Query<Evaluation>().Where(e => ids.Contains(e.ScenarioId)).Select(e => e.ScenarioId).ToListAsync(cancellationToken))
                .CountBy(id => id).ToDictionary();
            var moi = user.UserId ?? Guid.Empty;
            return [.. liste.Select(s => new ScenarioResume(s.Id, s.Referentiel, s.NiveauClasse, s.Titre, s.AuteurNom, s.Modifiable(moi), s.Origine,
                evaluations.GetValueOrDefault(s.Id), s.ModifieLe))];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/", async (string? referentiel, string? niveauClasse, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(referentiel, niveauClasse), ct)))
                .WithSummary("Lister les scénarios de l'équipe pédagogique (filtres : referentiel, niveauClasse)");
    }
}
