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

/// <summary>The learner deletes a fiche still in draft, with its attachments (their space is freed); a submitted fiche is
/// the referents' to review and stays.</summary>
internal static class SupprimerFiche
{
    internal sealed record Command(Guid PeriodeId, Guid ApprenantId, Guid FicheId) : ICommand;

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var suivi = await AccesPortfolio.VerifierAsync(mediator, user, command.PeriodeId, command.ApprenantId, cancellationToken);
            suivi.Apprenant();
            var fiche = await AccesPortfolio.FicheAsync(session, suivi, command.FicheId, cancellationToken);
            if (fiche.Statut == StatutFiche.Soumise)
            {
                throw new ConflitException($"La fiche « {fiche.Titre} » est soumise : elle ne se supprime plus.");
            }
            var pieces = await session.Query<PieceJointe>().Where(p => p.ParentId == fiche.Id).Select(p => p.Id).ToListAsync(cancellationToken);
            foreach (var piece in pieces)
            {
                session.Delete<PieceJointe>(piece);
                session.Delete<ContenuPieceJointe>(piece);
            }
            session.Delete(fiche);
            return Unit.Value;
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapDelete("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/fiches/{ficheId:guid}", async (Guid periodeId, Guid apprenantId, Guid ficheId,
                    IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new Command(periodeId, apprenantId, ficheId), ct);
                    return TypedResults.NoContent();
                })
                .WithSummary("Supprimer une fiche activité en brouillon et ses pièces jointes (l'apprenant)");
    }
}
