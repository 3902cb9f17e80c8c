using Carter;
using Cpro.Book.Domain;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Contracts;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>The learners whose book the caller may open, with their number of réussites: a teacher's, those of the divisions
/// they teach and of the company periods they are referent of; the DDFTP's and the head's, every learner with the book.
/// Only learners whose division has the book.</summary>
internal static class ListerApprenants
{
    internal sealed record Query : IQuery<IReadOnlyList<ApprenantBookDto>>;

    internal sealed record ApprenantBookDto(Guid ApprenantId, string Nom, string Prenom, string? Division, int Reussites);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, IReadOnlyList<ApprenantBookDto>>
    {
        public async ValueTask<IReadOnlyList<ApprenantBookDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = AccesBook.Etablissement(user);
            var direction = AccesBook.Direction(user);
            if (!direction && !user.HasProfil(Profils.Enseignant))
            {
                throw new InterditException("Seuls les professeurs, le DDFTP et le chef d'établissement consultent les books des apprenants.");
            }
            if (await AccesBook.ActivationAsync(session, cancellationToken) is not { Actif: true } activation)
            {
                return [];
            }
            var moi = user.UserId ?? Guid.Empty;
            List<ApprenantEtablissement> apprenants;
            if (direction)
            {
                apprenants = [.. await mediator.Send(new ListerApprenantsDesDivisions(etablissement, activation.Divisions), cancellationToken)];
            }
            else
            {
                var divisions = await mediator.Send(new ListerDivisionsEnseignant(etablissement, moi), cancellationToken);
                apprenants = divisions.Count == 0 ? [] : [.. await mediator.Send(new ListerApprenantsDesDivisions(etablissement, divisions), cancellationToken)];
                var suivis = (await mediator.Send(new ListerPeriodesEntrepriseSuivies(etablissement, moi, false), cancellationToken))
                    .Where(p => p.Referents.Contains(moi)).SelectMany(p => p.Apprenants.Select(a => a.ApprenantId)).Except(apprenants.Select(a => a.UtilisateurId)).ToList();
                if (suivis.Count > 0)
                {
                    apprenants.AddRange(await mediator.Send(new ObtenirApprenants(etablissement, suivis), cancellationToken));
                }
            }
            apprenants = [.. apprenants.Where(a => a.Actif && activation.PourDivision(a.Division))];
            var ids = apprenants.Select(a => a.UtilisateurId).ToList();
            var comptes = (await session.Query<Reussite>().Where(r => ids.Contains(r.ApprenantId) && r.SupprimeeLe == null).Select(r => r.ApprenantId)
                .ToListAsync(cancellationToken)).CountBy(id => id).ToDictionary();
            return [.. apprenants.OrderBy(a => a.Division).ThenBy(a => a.Nom).ThenBy(a => a.Prenom)
                .Select(a => new ApprenantBookDto(a.UtilisateurId, a.Nom, a.Prenom, a.Division, comptes.GetValueOrDefault(a.UtilisateurId)))];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/apprenants", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
                .WithSummary("Les apprenants dont on peut ouvrir le book et leur nombre de réussites (professeurs, DDFTP, chef d'établissement)");
    }
}
