using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Portfolio.Domain;
using Cpro.Scenarios.Contracts;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>A referent reopens a finalised bilan (recorded in its history): it is editable again, and its positionings
/// leave the learner's follow-up until it is finalised again.</summary>
internal static class RouvrirBilan
{
    internal sealed record Command(Guid PeriodeId, Guid ApprenantId, int Version) : ICommand<BilanDto>;

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, BilanDto>
    {
        public async ValueTask<BilanDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var suivi = await AccesPortfolio.VerifierAsync(mediator, user, command.PeriodeId, command.ApprenantId, cancellationToken);
            suivi.Referent();
            var bilan = await BilanEntreprise.DeAsync(session, suivi, cancellationToken);
            BilanEntreprise.VerifierVersion(bilan, command.Version);
            if (bilan is not { Finalise: true })
            {
                throw new ConflitException("Le bilan n'est pas finalisé : il est déjà modifiable.");
            }
            var maintenant = clock.GetUtcNow();
            bilan.FinaliseLe = null;
            bilan.FinalisePar = null;
            bilan.Historique.Add(new EtapeBilan { Action = "Rouvert", Par = suivi.Nom, Le = maintenant });
            bilan.ModifieLe = maintenant;
            bilan.ModifiePar = suivi.Nom;
            session.StoreRevision(bilan, command.Version);
            await mediator.Send(new RetirerBilanEntreprise(suivi.Etablissement, bilan.Id, bilan.ApprenantId), cancellationToken);
            return BilanDto.De(bilan, await ReferentielPortfolio.ChargerAsync(mediator, suivi.Periode.Referentiel, cancellationToken));
        }
    }

    internal sealed record Corps(int Version);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/bilan/reouverture", async (Guid periodeId, Guid apprenantId, Corps corps,
                    IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(periodeId, apprenantId, corps.Version), ct)))
                .WithSummary("Rouvrir un bilan en entreprise finalisé (professeur référent ; consigné dans son historique)");
    }
}
