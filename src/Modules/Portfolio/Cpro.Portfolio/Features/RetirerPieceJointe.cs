using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>The learner removes an attachment from a fiche still in draft; its space is freed.</summary>
internal static class RetirerPieceJointe
{
    internal sealed record Command(Guid PeriodeId, Guid ApprenantId, Guid FicheId, Guid PieceId) : ICommand;

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var suivi = await AccesPortfolio.VerifierAsync(mediator, user, command.PeriodeId, command.ApprenantId, cancellationToken);
            suivi.Apprenant();
            var fiche = await AccesPortfolio.FicheAsync(session, suivi, command.FicheId, cancellationToken);
            ContenuFiche.VerifierBrouillon(fiche);
            if (await session.LoadAsync<PieceJointe>(command.PieceId, cancellationToken) is not { } piece || piece.ParentId != fiche.Id)
            {
                throw new IntrouvableException("Pièce jointe introuvable.");
            }
            session.Delete(piece);
            session.Delete<ContenuPieceJointe>(piece.Id);
            return Unit.Value;
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapDelete("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/fiches/{ficheId:guid}/pieces-jointes/{pieceId:guid}", async (Guid periodeId,
                    Guid apprenantId, Guid ficheId, Guid pieceId, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new Command(periodeId, apprenantId, ficheId, pieceId), ct);
                    return TypedResults.NoContent();
                })
                .WithSummary("Retirer une pièce jointe d'une fiche en brouillon (l'apprenant)");
    }
}
