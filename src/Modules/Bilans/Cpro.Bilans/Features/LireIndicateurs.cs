using Carter;
using Cpro.Bilans.Domain;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Contracts;
using Cpro.Portfolio.Contracts;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Bilans.Features;

/// <summary>The console de pilotage's indicators for the school year, per division and official period: bilans
/// intermédiaires finalised out of expected, learners without one on the current period, leavers without one on their
/// last, company periods ended without a finalised bilan en entreprise, learners without an INE; and the reminders sent.
/// One query per module's documents, whatever the establishment's size (docs/benchmarks.md). For the DDFTP and the head.</summary>
internal static class LireIndicateurs
{
    /// <param name="Periode">Only the divisions and figures of this official period.</param>
    internal sealed record Query(Guid? Periode = null) : IQuery<IndicateursDto>;

    internal sealed record IndicateursDto(int AnneeScolaire, IReadOnlyList<DivisionIndicateursDto> Divisions, IReadOnlyList<RelanceDto> Relances);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : IQueryHandler<Query, IndicateursDto>
    {
        public async ValueTask<IndicateursDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = AccesBilans.Direction(user);
            var maintenant = clock.GetUtcNow();
            var aujourdhui = Heure.Jour(maintenant);
            var annee = Heure.AnneeScolaire(aujourdhui);
            var apprenants = await mediator.Send(new ListerApprenantsPilotage(etablissement), cancellationToken);
            var partis = apprenants.Where(a => !a.Actif).Select(a => a.UtilisateurId).ToList();
            var lecture = session.CreateBatchQuery();
            // The year's bilans, and the leavers' of other years (their last period may be before the year): each on its own
            // index, three fields projected in the database rather than whole documents with their evidence.
            var bilansLus = lecture.Query<Bilan>().Where(b => b.AnneeScolaire == annee)
                .Select(b => new { b.ApprenantId, b.PeriodeId, b.FinaliseLe }).ToList();
            var anciensLus = lecture.Query<Bilan>().Where(b => partis.Contains(b.ApprenantId) && b.AnneeScolaire != annee)
                .Select(b => new { b.ApprenantId, b.PeriodeId, b.FinaliseLe }).ToList();
            var debut = new DateTimeOffset(annee, 9, 1, 0, 0, 0, TimeSpan.Zero);
            var relancesLues = lecture.Query<Relance>().Where(r => r.Le >= debut).OrderByDescending(r => r.Le).ToList();
            await lecture.Execute(cancellationToken);
            var entrees = new Indicateurs.Entrees(aujourdhui, annee, await Cursus.ParDivisionAsync(mediator, etablissement, cancellationToken), apprenants,
                await mediator.Send(new ListerPeriodesOfficiellesEtablissement(etablissement, null), cancellationToken),
                [.. (await bilansLus).Concat(await anciensLus).Select(b => new Indicateurs.EtatBilan(b.ApprenantId, b.PeriodeId, b.FinaliseLe is not null))],
                await mediator.Send(new ListerPeriodesEntrepriseSuivies(etablissement, Guid.Empty, true), cancellationToken),
                [.. (await mediator.Send(new ListerBilansEntrepriseFinalisesEtablissement(etablissement), cancellationToken)).Select(b => (b.PeriodeId, b.ApprenantId))]);
            var divisions = Indicateurs.Calculer(entrees);
            if (query.Periode is { } periode)
            {
                divisions = [.. divisions.Where(d => d.Periodes.Any(p => p.PeriodeId == periode))
                    .Select(d => d with { Periodes = [.. d.Periodes.Where(p => p.PeriodeId == periode)] })];
            }
            return new IndicateursDto(annee, divisions, [.. (await relancesLues).Select(RelanceDto.De)]);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/indicateurs", async (Guid? periode, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(periode), ct)))
                .WithSummary("Indicateurs de la console de pilotage par division et période officielle de l'année (DDFTP, chef d'établissement ; filtre : periode)");
    }
}
