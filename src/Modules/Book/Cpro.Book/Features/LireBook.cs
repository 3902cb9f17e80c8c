using Carter;
using Cpro.Book.Domain;
using Cpro.Kernel.Identity;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>A learner's book, its pages in order with their medias and comments: the caller's own
/// (<c>GET /reussites</c>, the pages only), or a learner's for whoever may read it (<c>GET /apprenants/{id}</c>: their
/// teachers and referents, the DDFTP, the head, the learner).</summary>
internal static class LireBook
{
    /// <param name="ApprenantId">Null: the caller's own.</param>
    internal sealed record Query(Guid? ApprenantId) : IQuery<BookDto>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, BookDto>
    {
        public async ValueTask<BookDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var lecteur = query.ApprenantId is { } id
                ? await AccesBook.LecteurAsync(session, mediator, user, id, cancellationToken)
                : await AccesBook.MoiAsync(session, mediator, user, cancellationToken);
            var a = lecteur.Apprenant;
            var diplome = await Diplome.DeAsync(mediator, lecteur.Etablissement, a.Division, cancellationToken);
            return new BookDto(a.UtilisateurId, a.Nom, a.Prenom, a.Division, diplome.Intitule is { Length: > 0 } d ? d : null,
                new DroitsDto(lecteur.EstApprenant, lecteur.EstEnseignant), await ContenuReussite.ListerAsync(session, lecteur, diplome, false, cancellationToken));
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapGet("/reussites", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok((await mediator.Send(new Query(null), ct)).Reussites))
                .WithSummary("Les réussites de son book, dans l'ordre (l'apprenant)");
            app.MapGet("/apprenants/{apprenantId:guid}", async (Guid apprenantId, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(apprenantId), ct)))
                .WithSummary("Le book d'un apprenant (ses professeurs et professeurs référents, le DDFTP, le chef d'établissement, l'apprenant)");
        }
    }
}
