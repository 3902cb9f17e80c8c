using Carter;
using Cpro.Kernel.Identity;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>A learner's journal de bord on a period, latest first, each entry with its attachments and its thread of
/// comments: for the learner, their referents, their tutor or maître d'apprentissage, the DDFTP and the head.</summary>
internal static class LireJournal
{
    internal sealed record Query(Guid PeriodeId, Guid ApprenantId) : IQuery<IReadOnlyList<EntreeJournalDto>>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, IReadOnlyList<EntreeJournalDto>>
    {
        public async ValueTask<IReadOnlyList<EntreeJournalDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            await AccesPortfolio.VerifierAsync(mediator, user, query.PeriodeId, query.ApprenantId, cancellationToken);
            var lecture = session.CreateBatchQuery();
            var entreesLues = lecture.Query<EntreeJournal>().Where(e => e.PeriodeId == query.PeriodeId && e.ApprenantId == query.ApprenantId).ToList();
            var commentairesLus = lecture.Query<CommentaireJournal>().Where(c => c.PeriodeId == query.PeriodeId && c.ApprenantId == query.ApprenantId).ToList();
            await lecture.Execute(cancellationToken);
            var entrees = (await entreesLues).OrderByDescending(e => e.Date).ThenByDescending(e => e.CreeLe).ToList();
            var commentaires = (await commentairesLus).OrderBy(c => c.Le).ToLookup(c => c.EntreeId);
            var pieces = await PieceJointe.DeAsync(session, [.. entrees.Select(e => e.Id)], cancellationToken);
            return [.. entrees.Select(e => new EntreeJournalDto(e.Id, e.Date, e.Semaine, e.Texte, e.Taches, e.CreeLe, [.. pieces[e.Id].Select(PieceJointeDto.De)],
                [.. commentaires[e.Id].Select(c => new CommentaireDto(c.Id, c.AuteurNom, c.Qualite, c.Texte, c.Le))]))];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/journal", async (Guid periodeId, Guid apprenantId, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(periodeId, apprenantId), ct)))
                .WithSummary("Le journal de bord d'un apprenant sur une période, avec les commentaires");
    }
}
