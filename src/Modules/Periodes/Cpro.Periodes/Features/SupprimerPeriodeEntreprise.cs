using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Periodes.Domain;
using Cpro.Portfolio.Contracts;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Periodes.Features;

/// <summary>The DDFTP deletes a period and everything entered on it (its assignments, and its learners' portfolios: fiches
/// activités, journal de bord, bilans), once they confirm how many entries go with it: a period entered by mistake must
/// not take its learners' entries silently. A period whose learners have a finalised bilan en entreprise is not deleted
/// at all. Portfolio counts and deletes its own documents (Contracts), in this command's unit of work.</summary>
internal static class SupprimerPeriodeEntreprise
{
    /// <summary><paramref name="Confirmation"/>: the number of entries the caller was told will go (<see cref="SaisiesPeriode.Total"/>).</summary>
    internal sealed record Command(Guid Id, int? Confirmation) : ICommand;

    internal sealed class Handler(IDocumentSession session, UnitOfWork unitOfWork, ICurrentUser user, IMediator mediator) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var periode = await AccesEntreprise.ModifiableAsync(session, unitOfWork, user, command.Id, cancellationToken);
            var etablissement = AccesPeriodes.Etablissement(user);
            await AccesEntreprise.VerifierBilansAsync(mediator, etablissement, periode, null, cancellationToken);
            var saisies = await SaisiesPeriode.LireAsync(mediator, etablissement, periode.Id,
                await AccesEntreprise.AffectationsAsync(session, periode.Id, cancellationToken), retrait: false, cancellationToken);
            if (command.Confirmation != saisies.Total)
            {
                throw new ConflitException($"Seront supprimés avec la période « {periode.Titre} » : {saisies.Phrase()}. Confirmez la suppression (confirmation={saisies.Total}).");
            }
            await mediator.Send(new SupprimerPortfoliosPeriode(etablissement, periode.Id), cancellationToken);
            session.DeleteWhere<AffectationEntreprise>(a => a.PeriodeId == periode.Id);
            session.Delete(periode);
            return Unit.Value;
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapDelete("/entreprise/{id:guid}", async (Guid id, int? confirmation, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new Command(id, confirmation), ct);
                    return TypedResults.NoContent();
                })
                .WithSummary("Supprimer une période en entreprise et ses saisies et les portfolios de ses apprenants (DDFTP ; ?confirmation=N, le nombre de saisies supprimées, sinon 409 qui le donne)");
    }
}
