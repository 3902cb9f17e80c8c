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

/// <summary>A learner's synthesis: for each competence of the référentiels they were evaluated on, the level the
/// establishment's rule gives and how, with the number of positionings it comes from — the dashboard without the
/// positionings themselves, for a summary or an overview.</summary>
internal static class LireSynthese
{
    internal sealed record Query(Guid ApprenantId) : IQuery<SyntheseDto>;

    internal sealed record SyntheseDto(ApprenantEtablissement Apprenant, string Regle, string RegleLibelle, IReadOnlyList<ReferentielSyntheseDto> Referentiels);

    internal sealed record ReferentielSyntheseDto(string Code, string Intitule, IReadOnlyList<CompetenceSyntheseDto> Competences);

    internal sealed record CompetenceSyntheseDto(string Code, string Intitule, IReadOnlyList<string> Blocs, string? Niveau, string? NiveauLibelle,
        string Explication, int Positionnements);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, SyntheseDto>
    {
        public async ValueTask<SyntheseDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var suivi = await SuiviCompetences.CalculerAsync(session, user, mediator, query.ApprenantId, null, cancellationToken);
            return new SyntheseDto(suivi.Apprenant, suivi.Regle.Code(), suivi.Regle.Libelle(),
                [.. suivi.Referentiels.Select(r => new ReferentielSyntheseDto(r.Index.Referentiel.Code, r.Index.Referentiel.Intitule,
                    [.. r.Competences.Select(c => new CompetenceSyntheseDto(c.Competence.Code, c.Competence.Intitule, c.Competence.Blocs,
                        c.Niveau?.Code(), c.Niveau?.Libelle(), c.Explication, c.Positionnements.Count))]))]);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/suivi/apprenants/{id:guid}/synthese", async (Guid id, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(id), ct)))
                .WithSummary("Synthèse d'un apprenant : le niveau retenu pour chaque compétence selon la règle de l'établissement, et d'où il vient");
    }
}
