using Carter;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Periodes.Features;

/// <summary>The company periods the caller may see, latest first; each counts the learners the caller sees on it.</summary>
internal static class ListerPeriodesEntreprise
{
    internal sealed record Query : IQuery<IReadOnlyList<PeriodeEntrepriseResume>>;

    internal sealed record PeriodeEntrepriseResume(Guid Id, string Type, string Referentiel, string NiveauClasse, string Titre, DateOnly Debut, DateOnly Fin, int Apprenants);

    internal sealed class Handler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<PeriodeEntrepriseResume>>
    {
        public async ValueTask<IReadOnlyList<PeriodeEntrepriseResume>> Handle(Query query, CancellationToken cancellationToken)
        {
            AccesPeriodes.Etablissement(user);
            var periodes = await (await AccesEntreprise.VisiblesAsync(session, user, cancellationToken))
                .OrderByDescending(p => p.Debut).ThenBy(p => p.Titre).ToListAsync(cancellationToken);
            var ids = periodes.Select(p => p.Id).ToList();
            var affectations = (await session.Query<AffectationEntreprise>().Where(a => ids.Contains(a.PeriodeId))
                    .Select(a => new { a.PeriodeId, a.ApprenantId, a.TuteurId }).ToListAsync(cancellationToken))
                .ToLookup(a => a.PeriodeId);
            var moi = user.UserId ?? Guid.Empty;
            var toutes = AccesEntreprise.EstDeclarant(user);
            return [.. periodes.Select(p => new PeriodeEntrepriseResume(p.Id, AccesEntreprise.Code(p.Type), p.Referentiel, p.NiveauClasse, p.Titre, p.Debut, p.Fin,
                affectations[p.Id].Count(a => toutes || p.Referents.Contains(moi) || a.ApprenantId == moi || a.TuteurId == moi)))];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/entreprise", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
                .WithSummary("Les périodes en entreprise que l'utilisateur peut voir (toutes pour le DDFTP et le chef d'établissement)");
    }
}
