using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Identity;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>A learner's portfolio on a period, for whoever may open it: the period, the learner, their company and tutor,
/// what the caller may do, the référentiel's tasks of the period and competences to pick from, and the fiches and journal.
/// Checked once and read in three round trips (the period, the names, the traces), since learners and tutors open it often
/// and at once; the bilan's page, which shows no traces, leaves them out.</summary>
internal static class LirePortfolio
{
    internal sealed record Query(Guid PeriodeId, Guid ApprenantId, bool AvecTraces = true) : IQuery<PortfolioDto>;

    internal sealed record PortfolioDto(
        Guid PeriodeId, string Type, string Titre, DateOnly Debut, DateOnly Fin, string Referentiel, Guid ApprenantId, string Nom, string Prenom,
        string? Entreprise, string? Tuteur, IReadOnlyList<string> Referents, DroitsDto Droits, IReadOnlyList<CodeDto> Taches,
        IReadOnlyList<CompetenceDto> Competences, IReadOnlyList<FicheDto> Fiches, IReadOnlyList<EntreeJournalDto> Journal);

    /// <summary>What the caller may do: write (the learner), review and finalise (a referent), comment and position (a
    /// referent, the tutor or maître d'apprentissage).</summary>
    internal sealed record DroitsDto(bool Rediger, bool Reviser, bool Commenter, bool Positionner, bool Finaliser);

    internal sealed record CodeDto(string Code, string Intitule);

    internal sealed record CompetenceDto(string Code, string Intitule, IReadOnlyList<CodeDto> Criteres);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, PortfolioDto>
    {
        public async ValueTask<PortfolioDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var suivi = await AccesPortfolio.VerifierAsync(mediator, user, query.PeriodeId, query.ApprenantId, cancellationToken);
            var p = suivi.Periode;
            var referentiel = await ReferentielPortfolio.ChargerAsync(mediator, p.Referentiel, cancellationToken);
            var personnes = (await mediator.Send(new ObtenirPersonnes(suivi.Etablissement, [query.ApprenantId, .. p.Referents]), cancellationToken))
                .ToDictionary(n => n.UtilisateurId);
            var traces = query.AvecTraces
                ? await TracesPortfolio.LireAsync(session, suivi, fiches: true, journal: true, cancellationToken)
                : new TracesPortfolio([], []);
            var apprenant = personnes.GetValueOrDefault(query.ApprenantId);
            var a = suivi.Affectation;
            return new PortfolioDto(p.Id, p.Type, p.Titre, p.Debut, p.Fin, p.Referentiel, a.ApprenantId, apprenant?.Nom ?? "(compte supprimé)", apprenant?.Prenom ?? "",
                a.EntrepriseNom, a.TuteurId is null ? null : $"{a.TuteurPrenom} {a.TuteurNom}",
                [.. p.Referents.Select(personnes.GetValueOrDefault).OfType<PersonneEtablissement>().OrderBy(e => e.Nom).ThenBy(e => e.Prenom).Select(e => $"{e.Prenom} {e.Nom}")],
                new DroitsDto(suivi.PeutRediger, suivi.EstReferent, suivi.PeutCommenter, suivi.PeutCommenter, suivi.EstReferent),
                [.. p.Taches.Select(t => new CodeDto(t, referentiel.Intitule(t)))],
                [.. referentiel.Referentiel.Competences.Select(c => new CompetenceDto(c.Code, c.Intitule, [.. c.Criteres.Select(k => new CodeDto(k.Code, k.Intitule))]))],
                traces.Fiches, traces.Journal);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}", async (Guid periodeId, Guid apprenantId, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(periodeId, apprenantId), ct)))
                .WithSummary("Le portfolio d'un apprenant sur une période : la période, l'entreprise, ce que l'utilisateur peut y faire, les tâches et compétences, les fiches activités et le journal de bord");
    }
}
