using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Contracts;
using Cpro.Portfolio.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>The company periods whose portfolios the caller follows, latest first, each with the learners they follow on it:
/// a learner their own, a tutor or maître d'apprentissage the learners they supervise, a referent those of their periods,
/// the DDFTP and the head all. Periodes answers (Contracts): the portfolio never reads its documents.</summary>
internal static class ListerPeriodes
{
    internal sealed record Query : IQuery<IReadOnlyList<PeriodeDto>>;

    internal sealed record PeriodeDto(Guid Id, string Type, string Referentiel, string NiveauClasse, string Titre, DateOnly Debut, DateOnly Fin,
        IReadOnlyList<ApprenantDto> Apprenants);

    internal sealed record ApprenantDto(Guid Id, string Nom, string Prenom, string? Division, string? Entreprise, string? Tuteur);

    internal sealed class Handler(ICurrentUser user, IMediator mediator) : IQueryHandler<Query, IReadOnlyList<PeriodeDto>>
    {
        public async ValueTask<IReadOnlyList<PeriodeDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = AccesPortfolio.Etablissement(user);
            var periodes = await mediator.Send(new ListerPeriodesEntrepriseSuivies(etablissement, user.UserId ?? Guid.Empty, AccesPortfolio.VoitTout(user)),
                cancellationToken);
            var ids = periodes.SelectMany(p => p.Apprenants.Select(a => a.ApprenantId)).Distinct().ToList();
            var apprenants = ids.Count == 0 ? [] : (await mediator.Send(new ObtenirApprenants(etablissement, ids), cancellationToken)).ToDictionary(a => a.UtilisateurId);
            return [.. periodes.Select(p => new PeriodeDto(p.Id, p.Type, p.Referentiel, p.NiveauClasse, p.Titre, p.Debut, p.Fin,
                [.. p.Apprenants.Select(a => (a, apprenant: apprenants.GetValueOrDefault(a.ApprenantId)))
                    .OrderBy(x => x.apprenant?.Nom).ThenBy(x => x.apprenant?.Prenom)
                    .Select(x => new ApprenantDto(x.a.ApprenantId, x.apprenant?.Nom ?? "(compte supprimé)", x.apprenant?.Prenom ?? "", x.apprenant?.Division,
                        x.a.EntrepriseNom, x.a.TuteurId is null ? null : $"{x.a.TuteurPrenom} {x.a.TuteurNom}"))]))];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/periodes", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
                .WithSummary("Les périodes en entreprise dont l'utilisateur suit les portfolios, avec leurs apprenants qu'il suit");
    }
}
