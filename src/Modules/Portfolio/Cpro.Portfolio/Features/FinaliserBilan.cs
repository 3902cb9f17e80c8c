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

/// <summary>A referent finalises the bilan once every item is positioned: it is frozen (who, when), and its degrees join
/// the learner's follow-up in Scenarios as an evaluation « en entreprise », in the same unit of work, so the dashboard and
/// the synthesis count them from the commit on.</summary>
internal static class FinaliserBilan
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
            if (bilan is null)
            {
                throw new NonTraitableException("Aucune compétence n'est encore choisie : révisez d'abord les fiches activités de l'apprenant.");
            }
            bilan.VerifierOuvert();
            var referentiel = await ReferentielPortfolio.ChargerAsync(mediator, suivi.Periode.Referentiel, cancellationToken);
            var items = referentiel.ItemsDuBilan(bilan.Mode, bilan.Selection);
            if (items.Count == 0)
            {
                throw new NonTraitableException("Aucune compétence n'est encore choisie : révisez d'abord les fiches activités de l'apprenant.");
            }
            if (items.Where(i => !bilan.Niveaux.ContainsKey(i)).ToList() is { Count: > 0 } manquants)
            {
                throw new NonTraitableException($"Positionnez chaque item avant de finaliser (NE s'il n'a pas été évalué) ; manquent : {string.Join(", ", manquants)}.");
            }
            var maintenant = clock.GetUtcNow();
            bilan.FinaliseLe = maintenant;
            bilan.FinalisePar = suivi.Nom;
            bilan.Historique.Add(new EtapeBilan { Action = "Finalisé", Par = suivi.Nom, Le = maintenant });
            bilan.ModifieLe = maintenant;
            bilan.ModifiePar = suivi.Nom;
            session.StoreRevision(bilan, command.Version);
            await mediator.Send(new EnregistrerBilanEntreprise(suivi.Etablissement, bilan.Id, bilan.ApprenantId, $"Bilan en entreprise — {suivi.Periode.Titre}",
                suivi.Periode.Referentiel, suivi.Periode.NiveauClasse, DateOnly.FromDateTime(maintenant.UtcDateTime), suivi.Moi, suivi.Nom, bilan.Mode,
                [.. items.Where(i => Degres.EstDegre(bilan.Niveaux[i])).Select(i => new PositionnementEntreprise(i, bilan.Niveaux[i], null))]), cancellationToken);
            return BilanDto.De(bilan, referentiel);
        }
    }

    internal sealed record Corps(int Version);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/bilan/finalisation", async (Guid periodeId, Guid apprenantId, Corps corps,
                    IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(periodeId, apprenantId, corps.Version), ct)))
                .WithSummary("Finaliser le bilan en entreprise (professeur référent) : figé, ses positionnements rejoignent le suivi des compétences « en entreprise »");
    }
}
