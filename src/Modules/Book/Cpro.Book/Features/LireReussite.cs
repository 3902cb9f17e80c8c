using Carter;
using Cpro.Book.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>One réussite with its medias and comments, for whoever may read its learner's book; in the bin, for the learner only.</summary>
internal static class LireReussite
{
    internal sealed record Query(Guid ReussiteId) : IQuery<ReussiteDto>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, ReussiteDto>
    {
        public async ValueTask<ReussiteDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var (_, reussite) = await TrouverAsync(session, mediator, user, query.ReussiteId, cancellationToken);
            var diplome = await Diplome.ParCodeAsync(mediator, reussite.Referentiel, cancellationToken);
            var medias = await MediaReussite.DeAsync(session, [reussite.Id], cancellationToken);
            var commentaires = await session.Query<CommentaireReussite>().Where(c => c.ReussiteId == reussite.Id).ToListAsync(cancellationToken);
            return ReussiteDto.De(reussite, diplome, medias[reussite.Id], commentaires);
        }
    }

    /// <summary>A réussite of the caller's establishment and the caller's part in its book (404 unknown here, 403 not theirs
    /// to read); one in the bin is the learner's only.</summary>
    public static async Task<(Lecteur Lecteur, Reussite Reussite)> TrouverAsync(IQuerySession session, IMediator mediator, ICurrentUser user, Guid id,
        CancellationToken cancellationToken, bool corbeille = false)
    {
        AccesBook.Etablissement(user);
        var reussite = await session.LoadAsync<Reussite>(id, cancellationToken) ?? throw new IntrouvableException("Réussite introuvable.");
        var lecteur = await AccesBook.LecteurAsync(session, mediator, user, reussite.ApprenantId, cancellationToken);
        if (reussite.SupprimeeLe is not null && !(corbeille && lecteur.EstApprenant))
        {
            throw new IntrouvableException("Réussite introuvable : elle est dans la corbeille.");
        }
        return (lecteur, reussite);
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/reussites/{reussiteId:guid}", async (Guid reussiteId, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(reussiteId), ct)))
                .WithSummary("Une réussite, ses photos et documents, ses commentaires");
    }
}
