using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Identity;
using Cpro.Portfolio.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>What a learner's portfolio on a period is about, for whoever may open it: the period, the learner, their company
/// and tutor, what the caller may do, and the référentiel's tasks of the period and competences to pick from.</summary>
internal static class LirePortfolio
{
    internal sealed record Query(Guid PeriodeId, Guid ApprenantId) : IQuery<PortfolioDto>;

    internal sealed record PortfolioDto(
        Guid PeriodeId, string Type, string Titre, DateOnly Debut, DateOnly Fin, string Referentiel, Guid ApprenantId, string Nom, string Prenom,
        string? Entreprise, string? Tuteur, IReadOnlyList<string> Referents, DroitsDto Droits, IReadOnlyList<CodeDto> Taches,
        IReadOnlyList<CompetenceDto> Competences);

    /// <summary>What the caller may do: write (the learner), review and finalise (a referent), comment and position (a
    /// referent, the tutor or maître d'apprentissage).</summary>
    internal sealed record DroitsDto(bool Rediger, bool Reviser, bool Commenter, bool Positionner, bool Finaliser);

    internal sealed record CodeDto(string Code, string Intitule);

    internal sealed record CompetenceDto(string Code, string Intitule, IReadOnlyList<CodeDto> Criteres);

    internal sealed class Handler(ICurrentUser user, IMediator mediator) : IQueryHandler<Query, PortfolioDto>
    {
        public async ValueTask<PortfolioDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var suivi = await AccesPortfolio.VerifierAsync(mediator, user, query.PeriodeId, query.ApprenantId, cancellationToken);
            var p = suivi.Periode;
            var referentiel = await ReferentielPortfolio.ChargerAsync(mediator, p.Referentiel, cancellationToken);
            var apprenant = await mediator.Send(new ObtenirApprenants(suivi.Etablissement, [query.ApprenantId]), cancellationToken) is [var trouve, ..] ? trouve : null;
            var enseignants = p.Referents.Count == 0 ? [] : await mediator.Send(new ListerEnseignants(suivi.Etablissement), cancellationToken);
            var a = suivi.Affectation;
            return new PortfolioDto(p.Id, p.Type, p.Titre, p.Debut, p.Fin, p.Referentiel, a.ApprenantId, apprenant?.Nom ?? "(compte supprimé)", apprenant?.Prenom ?? "",
                a.EntrepriseNom, a.TuteurId is null ? null : $"{a.TuteurPrenom} {a.TuteurNom}",
                [.. enseignants.Where(e => p.Referents.Contains(e.UtilisateurId)).Select(e => $"{e.Prenom} {e.Nom}")],
                new DroitsDto(suivi.PeutRediger, suivi.EstReferent, suivi.PeutCommenter, suivi.PeutCommenter, suivi.EstReferent),
                [.. p.Taches.Select(t => new CodeDto(t, referentiel.Intitule(t)))],
                [.. referentiel.Referentiel.Competences.Select(c => new CompetenceDto(c.Code, c.Intitule, [.. c.Criteres.Select(k => new CodeDto(k.Code, k.Intitule))]))]);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}", async (Guid periodeId, Guid apprenantId, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(periodeId, apprenantId), ct)))
                .WithSummary("Le portfolio d'un apprenant sur une période : la période, l'entreprise, ce que l'utilisateur peut y faire, les tâches et compétences");
    }
}
