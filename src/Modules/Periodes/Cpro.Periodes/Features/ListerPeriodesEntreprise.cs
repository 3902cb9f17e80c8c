using Carter;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Periodes.Features;

/// <summary>The company periods the caller may see, latest first; each counts the learners the caller sees on it.</summary>
internal static class ListerPeriodesEntreprise
{
    internal sealed record Query : IQuery<IReadOnlyList<PeriodeEntrepriseResume>>;

    internal sealed record PeriodeEntrepriseResume(Guid Id, string Type, string Referentiel, string NiveauClasse, string Titre, DateOnly Debut, DateOnly Fin, int Apprenants);

    internal sealed class Handler(PeriodesDbContext db, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<PeriodeEntrepriseResume>>
    {
        public async ValueTask<IReadOnlyList<PeriodeEntrepriseResume>> Handle(Query query, CancellationToken cancellationToken)
        {
            AccesPeriodes.Etablissement(user);
            var moi = user.UserId ?? Guid.Empty;
            var toutes = AccesEntreprise.EstDeclarant(user);
            var periodes = await AccesEntreprise.Visibles(db, user).AsNoTracking()
                .OrderByDescending(p => p.Debut).ThenBy(p => p.Titre)
                .Select(p => new
                {
                    p.Id, p.Type, p.Referentiel, p.NiveauClasse, p.Titre, p.Debut, p.Fin,
                    Apprenants = db.Affectations.Count(a => a.PeriodeId == p.Id
                                                            && (toutes || p.Referents.Contains(moi) || a.ApprenantId == moi || a.TuteurId == moi)),
                })
                .ToListAsync(cancellationToken);
            return [.. periodes.Select(p => new PeriodeEntrepriseResume(p.Id, AccesEntreprise.Code(p.Type), p.Referentiel, p.NiveauClasse, p.Titre, p.Debut, p.Fin, p.Apprenants))];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/entreprise", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
                .WithSummary("Les périodes en entreprise que l'utilisateur peut voir (toutes pour le DDFTP et le chef d'établissement)");
    }
}
