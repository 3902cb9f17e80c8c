using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Identity;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>Whoever may read the portfolio downloads an attachment, always as an attachment and with its recognised type,
/// so that a browser never renders it in Cpro's origin.</summary>
internal static class TelechargerPieceJointe
{
    internal sealed record Query(Guid PeriodeId, Guid ApprenantId, Guid PieceId) : IQuery<Fichier>;

    internal sealed record Fichier(string NomFichier, string TypeContenu, byte[] Contenu);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, Fichier>
    {
        public async ValueTask<Fichier> Handle(Query query, CancellationToken cancellationToken)
        {
            await AccesPortfolio.VerifierAsync(mediator, user, query.PeriodeId, query.ApprenantId, cancellationToken);
            var piece = await session.LoadAsync<PieceJointe>(query.PieceId, cancellationToken) is { } p && p.PeriodeId == query.PeriodeId && p.ApprenantId == query.ApprenantId
                ? p
                : throw new IntrouvableException("Pièce jointe introuvable.");
            var contenu = await session.LoadAsync<ContenuPieceJointe>(piece.Id, cancellationToken)
                          ?? throw new InvalidOperationException($"Contenu de la pièce jointe {piece.Id} absent.");
            return new Fichier(piece.NomFichier, piece.TypeContenu, contenu.Contenu);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/pieces-jointes/{pieceId:guid}", async (Guid periodeId, Guid apprenantId, Guid pieceId,
                    IMediator mediator, HttpResponse response, CancellationToken ct) =>
                {
                    var fichier = await mediator.Send(new Query(periodeId, apprenantId, pieceId), ct);
                    response.Headers.ContentDisposition = NomFichier.Telechargement(fichier.NomFichier);
                    response.Headers.XContentTypeOptions = "nosniff";
                    return TypedResults.File(fichier.Contenu, fichier.TypeContenu);
                })
                .WithSummary("Télécharger une pièce jointe d'une fiche ou du journal de bord");
    }
}
