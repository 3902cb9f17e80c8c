using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Periodes.Features;

/// <summary>The DDFTP deletes a period and everything entered on it (its assignments cascade), once they confirm how
/// many filled entries go with it: a period entered by mistake must not take its learners' entries silently.</summary>
internal static class SupprimerPeriodeEntreprise
{
    /// <summary><paramref name="Confirmation"/>: the number of filled entries the caller was told will go.</summary>
    internal sealed record Command(Guid Id, int? Confirmation) : ICommand;

    /// <summary>How many filled entries deleting the period would lose (the confirmation's count).</summary>
    public static Task<int> FichesRenseigneesAsync(PeriodesDbContext db, Guid periodeId, CancellationToken cancellationToken) =>
        db.Affectations.CountAsync(a => a.PeriodeId == periodeId && (a.EntrepriseNom != null || a.TuteurId != null), cancellationToken);

    internal sealed class Handler(PeriodesDbContext db, ICurrentUser user) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var periode = await AccesEntreprise.ModifiableAsync(db, user, command.Id, cancellationToken);
            var fiches = await FichesRenseigneesAsync(db, periode.Id, cancellationToken);
            if (command.Confirmation != fiches)
            {
                throw new ConflitException($"{fiches} fiche(s) renseignée(s) seront supprimée(s) avec la période « {periode.Titre} » : confirmez la suppression (confirmation={fiches}).");
            }
            db.PeriodesEntreprise.Remove(periode);
            await db.SaveChangesAsync(cancellationToken);
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
