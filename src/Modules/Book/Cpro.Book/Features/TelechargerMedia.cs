using Carter;
using Cpro.Book.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Identity;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>Whoever may read the book gets a media: a photo shown in the page (its reduced copy, inline), a document always
/// as an attachment, so that a browser never renders it in Cpro's origin.</summary>
internal static class TelechargerMedia
{
    internal sealed record Query(Guid ReussiteId, Guid MediaId) : IQuery<Fichier>;

    internal sealed record Fichier(string NomFichier, string TypeContenu, bool Photo, byte[] Contenu);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, Fichier>
    {
        public async ValueTask<Fichier> Handle(Query query, CancellationToken cancellationToken)
        {
            var (_, reussite) = await LireReussite.TrouverAsync(session, mediator, user, query.ReussiteId, cancellationToken);
            var media = await session.LoadAsync<MediaReussite>(query.MediaId, cancellationToken) is { } m && m.ReussiteId == reussite.Id
                ? m
                : throw new IntrouvableException("Photo ou document introuvable.");
            var contenu = await session.LoadAsync<ContenuMedia>(media.Id, cancellationToken)
                          ?? throw new InvalidOperationException($"Contenu du média {media.Id} absent.");
            return new Fichier(media.NomFichier, media.TypeContenu, media.Photo, contenu.Contenu);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/reussites/{reussiteId:guid}/medias/{mediaId:guid}", async (Guid reussiteId, Guid mediaId, IMediator mediator, HttpResponse response,
                    CancellationToken ct) =>
                {
                    var fichier = await mediator.Send(new Query(reussiteId, mediaId), ct);
                    response.Headers.XContentTypeOptions = "nosniff";
                    if (!fichier.Photo)
                    {
                        response.Headers.ContentDisposition = NomFichier.Telechargement(fichier.NomFichier);
                    }
                    return TypedResults.File(fichier.Contenu, fichier.TypeContenu);
                })
                .WithSummary("Une photo (réduite) ou un document d'une réussite");
    }
}
