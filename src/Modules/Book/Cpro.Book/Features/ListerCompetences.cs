using Carter;
using Cpro.Book.Domain;
using Cpro.Kernel.Identity;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>Step 3, « la relier aux compétences »: the competences of the réussite's diploma, each with the level its
/// evaluation gave when it came from one, and whether it is tied already.</summary>
internal static class ListerCompetences
{
    internal sealed record Query(Guid ReussiteId) : IQuery<IReadOnlyList<CompetenceChoixDto>>;

    internal sealed record CompetenceChoixDto(string Code, string Intitule, string? NiveauLibelle, bool Reliee);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, IReadOnlyList<CompetenceChoixDto>>
    {
        public async ValueTask<IReadOnlyList<CompetenceChoixDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (lecteur, reussite) = await LireReussite.TrouverAsync(session, mediator, user, query.ReussiteId, cancellationToken);
            lecteur.Rediger();
            var diplome = await Diplome.ParCodeAsync(mediator, reussite.Referentiel, cancellationToken);
            var niveaux = await ContenuReussite.NiveauxAsync(mediator, lecteur, reussite.Origine, reussite.SourceId, cancellationToken);
            return [.. diplome.Competences.Select(c => new CompetenceChoixDto(c.Code, c.Intitule, niveaux.GetValueOrDefault(c.Code)?.Libelle,
                reussite.Competences.Any(k => k.Code == c.Code)))];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/reussites/{reussiteId:guid}/competences", async (Guid reussiteId, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(reussiteId), ct)))
                .WithSummary("Les compétences du diplôme à relier à une réussite, avec le niveau atteint si son évaluation le dit (l'apprenant)");
    }
}
