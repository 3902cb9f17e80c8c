using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Periodes.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Periodes.Features;

/// <summary>The DDFTP deletes a period and everything entered on it (its assignments with it), once they confirm how
/// many filled entries go with it: a period entered by mistake must not take its learners' entries silently. A period
/// whose learners have a finalised bilan en entreprise (portfolio) is not deleted at all.</summary>
internal static class SupprimerPeriodeEntreprise
{
    /// <summary><paramref name="Confirmation"/>: the number of filled entries the caller was told will go.</summary>
    internal sealed record Command(Guid Id, int? Confirmation) : ICommand;

    internal sealed class Handler(IDocumentSession session, UnitOfWork unitOfWork, ICurrentUser user, IMediator mediator) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var periode = await AccesEntreprise.ModifiableAsync(session, unitOfWork, user, command.Id, cancellationToken);
            await AccesEntreprise.VerifierBilansAsync(mediator, AccesPeriodes.Etablissement(user), periode, null, cancellationToken);
            var fiches = await session.Query<AffectationEntreprise>()
                .CountAsync(a => a.PeriodeId == periode.Id && (a.EntrepriseNom != null || a.TuteurId != null), cancellationToken);
            if (command.Confirmation != fiches)
            {
                throw new ConflitException($"{fiches} fiche(s) renseignée(s) seront supprimée(s) avec la période « {periode.Titre} » : confirmez la suppression (confirmation={fiches}).");
            }
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
                .WithSummary("Supprimer une période en entreprise et ses saisies (DDFTP ; ?confirmation=N, le nombre de fiches renseignées, sinon 409 qui le donne)");
    }
}
