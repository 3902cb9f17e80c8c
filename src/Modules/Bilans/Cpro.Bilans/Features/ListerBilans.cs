using Carter;
using Cpro.Bilans.Domain;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Contracts;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Bilans.Features;

/// <summary>A learner's bilans, in period order: every one for their teachers, the DDFTP and the head; the finalised ones
/// for the learner and their tutor. For a teacher of the division, the bilans still to start: each trimester or semester
/// begun of the référentiels the division follows, and the bilan de fin de cycle in the final year.</summary>
internal static class ListerBilans
{
    internal sealed record Query(Guid ApprenantId) : IQuery<BilansApprenantDto>;

    internal sealed record BilansApprenantDto(Guid ApprenantId, string Prenom, string Nom, string? Division, bool Actif, IReadOnlyList<BilanResumeDto> Bilans,
        IReadOnlyList<BilanACommencerDto> ACommencer);

    internal sealed record BilanResumeDto(Guid Id, string Type, string TypeLibelle, string PeriodeLibelle, DateOnly Debut, DateOnly Fin, string Referentiel,
        string ReferentielIntitule, bool Finalise, DateTimeOffset? FinaliseLe, string? FinalisePar, DateTimeOffset ModifieLe, string ModifiePar);

    /// <param name="Periode">What to send to start it: the official period's id, or « cycle ».</param>
    internal sealed record BilanACommencerDto(string Periode, string Libelle, string Referentiel, string ReferentielIntitule);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : IQueryHandler<Query, BilansApprenantDto>
    {
        public async ValueTask<BilansApprenantDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var acces = await AccesBilans.VerifierAsync(mediator, user, query.ApprenantId, cancellationToken);
            var bilans = (await session.Query<Bilan>().Where(b => b.ApprenantId == query.ApprenantId).ToListAsync(cancellationToken))
                .Where(b => b.Finalise || acces.VoitBrouillons).OrderBy(b => b.Debut).ThenBy(b => b.Type).ThenBy(b => b.Referentiel).ToList();
            var a = acces.Apprenant;
            return new BilansApprenantDto(a.UtilisateurId, a.Prenom, a.Nom, a.Division, a.Actif,
                [.. bilans.Select(b => new BilanResumeDto(b.Id, b.Type, BilanDto.LibelleType(b.Type), b.PeriodeLibelle, b.Debut, b.Fin, b.Referentiel,
                    b.ReferentielIntitule, b.Finalise, b.FinaliseLe, b.FinalisePar, b.ModifieLe, b.ModifiePar))],
                acces.EstEnseignant && a.Actif ? await ACommencerAsync(acces, bilans, cancellationToken) : []);
        }

        private async Task<List<BilanACommencerDto>> ACommencerAsync(Acces acces, List<Bilan> bilans, CancellationToken cancellationToken)
        {
            var cursus = (await Cursus.ParDivisionAsync(mediator, acces.Etablissement, cancellationToken))[acces.Apprenant.Division ?? ""].ToList();
            if (cursus.Count == 0)
            {
                return [];
            }
            var aujourdhui = Heure.Jour(clock.GetUtcNow());
            var periodes = await mediator.Send(new ListerPeriodesOfficiellesEtablissement(acces.Etablissement, Heure.AnneeScolaire(aujourdhui)), cancellationToken);
            var faits = bilans.Select(b => b.Cle).ToHashSet(StringComparer.Ordinal);
            var id = acces.Apprenant.UtilisateurId;
            return
            [
                .. cursus.SelectMany(c => periodes.Where(p => c.Suit(p) && p.Debut <= aujourdhui && !faits.Contains(Bilan.CleDe(id, p.Id, c.Referentiel)))
                    .Select(p => new BilanACommencerDto(p.Id.ToString(), $"Bilan intermédiaire — {p.Libelle}", c.Referentiel, c.Intitule))),
                .. cursus.Where(c => c.DerniereAnnee && !faits.Contains(Bilan.CleDe(id, null, c.Referentiel)))
                    .Select(c => new BilanACommencerDto(CommencerBilan.Cycle, "Bilan de fin de cycle", c.Referentiel, c.Intitule)),
            ];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/apprenants/{apprenantId:guid}", async (Guid apprenantId, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(apprenantId), ct)))
                .WithSummary("Les bilans d'un apprenant (les brouillons pour l'équipe pédagogique seulement) et, pour un enseignant de sa division, ceux à commencer");
    }
}
