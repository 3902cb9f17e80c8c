using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Periodes.Features;

/// <summary>An account of a tutor or maître d'apprentissage of the establishment, with the companies periods name them for.</summary>
internal sealed record CompteTuteurDto(Guid Id, string Nom, string Prenom, string? Email, bool Tuteur, bool MaitreApprentissage, IReadOnlyList<string> Entreprises);

/// <summary>The tutors and maîtres d'apprentissage a period's entry may name, found by name, email or company: the
/// accounts come from Etablissements (Contracts), the companies from this module's assignments. For those who pick one
/// on the period (<see cref="AccesEntreprise.PeutChoisirTuteur"/>): 403 for others, 404 for a period of another establishment.</summary>
internal static class ListerTuteursEntreprise
{
    internal sealed record Query(Guid PeriodeId, string? Recherche) : IQuery<IReadOnlyList<CompteTuteurDto>>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, IReadOnlyList<CompteTuteurDto>>
    {
        public async ValueTask<IReadOnlyList<CompteTuteurDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var periode = await session.LoadAsync<PeriodeEntreprise>(query.PeriodeId, cancellationToken)
                          ?? throw new IntrouvableException("Période en entreprise introuvable.");
            if (!AccesEntreprise.PeutChoisirTuteur(user, periode))
            {
                throw new InterditException("Seuls le DDFTP, le chef d'établissement et les professeurs référents de la période consultent les tuteurs de l'établissement.");
            }
            var comptes = await mediator.Send(new ListerComptesEntreprise(AccesPeriodes.Etablissement(user)), cancellationToken);
            var ids = comptes.Select(c => c.UtilisateurId).ToList();
            var entreprises = (await session.Query<AffectationEntreprise>().Where(a => a.TuteurId != null && ids.Contains(a.TuteurId.Value) && a.EntrepriseNom != null)
                    .Select(a => new { a.TuteurId, a.EntrepriseNom }).ToListAsync(cancellationToken))
                .ToLookup(a => a.TuteurId!.Value, a => a.EntrepriseNom!);
            var recherche = query.Recherche?.Trim();
            return [.. comptes
                .Select(c => new CompteTuteurDto(c.UtilisateurId, c.Nom, c.Prenom, c.Email, c.Tuteur, c.MaitreApprentissage,
                    [.. entreprises[c.UtilisateurId].Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)]))
                .Where(c => string.IsNullOrEmpty(recherche) || Trouve(c, recherche))];
        }

        /// <summary>The text in the name (either order), the email or one of the companies, whatever the case.</summary>
        private static bool Trouve(CompteTuteurDto c, string recherche) =>
            new[] { $"{c.Prenom} {c.Nom}", $"{c.Nom} {c.Prenom}", c.Email ?? "" }.Concat(c.Entreprises)
                .Any(t => t.Contains(recherche, StringComparison.OrdinalIgnoreCase));
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/entreprise/{id:guid}/tuteurs", async (Guid id, string? recherche, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(id, recherche), ct)))
                .WithSummary("Chercher un tuteur ou maître d'apprentissage de l'établissement par nom, adresse ou entreprise, à nommer sur une période (DDFTP, professeur référent)");
    }
}
