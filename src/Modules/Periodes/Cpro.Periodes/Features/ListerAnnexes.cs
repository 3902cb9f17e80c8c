using Carter;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Domain;
using Cpro.Referentiels.Contracts;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Periodes.Features;

/// <summary>The team's annexes, by diploma and class level, on the diplomas the establishment subscribes to.</summary>
internal static class ListerAnnexes
{
    internal sealed record Query(string? Referentiel = null, string? NiveauClasse = null) : IQuery<IReadOnlyList<AnnexeResume>>;

    internal sealed record AnnexeResume(Guid Id, string Referentiel, string NiveauClasse, string Titre, bool PourApprentis, string AuteurNom,
        int Taches, DateTimeOffset ModifieLe);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, IReadOnlyList<AnnexeResume>>
    {
        public async ValueTask<IReadOnlyList<AnnexeResume>> Handle(Query query, CancellationToken cancellationToken)
        {
            ContenuAnnexe.Lecteur(user);
            var abonnes = (await mediator.Send(new ListerAbonnements(AccesPeriodes.Etablissement(user)), cancellationToken)).Select(a => a.Referentiel).ToList();
            var annexes = session.Query<AnnexePedagogique>().Where(a => abonnes.Contains(a.Referentiel));
            if (!string.IsNullOrEmpty(query.Referentiel))
            {
                annexes = annexes.Where(a => a.Referentiel == query.Referentiel);
            }
            if (!string.IsNullOrEmpty(query.NiveauClasse))
            {
                annexes = annexes.Where(a => a.NiveauClasse == query.NiveauClasse);
            }
            var lues = await annexes.OrderBy(a => a.Referentiel).ThenBy(a => a.NiveauClasse).ThenBy(a => a.Titre).ToListAsync(cancellationToken);
            return [.. lues.Select(a => new AnnexeResume(a.Id, a.Referentiel, a.NiveauClasse, a.Titre, a.PourApprentis, a.AuteurNom, a.Taches.Count, a.ModifieLe))];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/annexes", async (string? referentiel, string? niveau, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(referentiel, niveau), ct)))
                .WithSummary("Lister les annexes pédagogiques de l'équipe (filtres : referentiel, niveau)");
    }
}
