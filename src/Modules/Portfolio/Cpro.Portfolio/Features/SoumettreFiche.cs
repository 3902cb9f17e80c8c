using Carter;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>The learner submits a fiche, as they last read it: from then on it is the referents' to review, no longer the
/// learner's to edit.</summary>
internal static class SoumettreFiche
{
    internal sealed record Command(Guid PeriodeId, Guid ApprenantId, Guid FicheId, int Version) : ICommand<FicheDto>;

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, FicheDto>
    {
        public async ValueTask<FicheDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var suivi = await AccesPortfolio.VerifierAsync(mediator, user, command.PeriodeId, command.ApprenantId, cancellationToken);
            suivi.Apprenant();
            var fiche = await AccesPortfolio.FicheAsync(session, suivi, command.FicheId, cancellationToken);
            ContenuFiche.VerifierModifiable(fiche, command.Version);
            var maintenant = clock.GetUtcNow();
            fiche.Statut = StatutFiche.Soumise;
            fiche.SoumiseLe = maintenant;
            fiche.ModifieLe = maintenant;
            fiche.ModifiePar = suivi.Nom;
            session.StoreRevision(fiche, command.Version);
            Notifications.Notifier(session, suivi, $"{suivi.Nom} a soumis la fiche activités « {fiche.Titre} ».",
                $"/portfolio/{fiche.PeriodeId}/{fiche.ApprenantId}/fiches/{fiche.Id}", maintenant);
            var pieces = await PieceJointe.DeAsync(session, [fiche.Id], cancellationToken);
            return FicheDto.De(fiche, pieces[fiche.Id]);
        }
    }

    internal sealed record Corps(int Version);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/fiches/{ficheId:guid}/soumission", async (Guid periodeId, Guid apprenantId,
                    Guid ficheId, Corps corps, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(periodeId, apprenantId, ficheId, corps.Version), ct)))
                .WithSummary("Soumettre une fiche activité aux professeurs référents (l'apprenant ; version : celle lue, sinon 409)");
    }
}
