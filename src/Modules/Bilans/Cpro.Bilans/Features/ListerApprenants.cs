using Carter;
using Cpro.Bilans.Domain;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Bilans.Features;

/// <summary>The learners whose bilans the user opens, by division and name: a teacher those of their divisions, the DDFTP
/// and the head every active learner, a tutor or maître d'apprentissage those they supervise, a learner themself.</summary>
internal static class ListerApprenants
{
    internal sealed record Query : IQuery<IReadOnlyList<ApprenantEtablissement>>;

    internal sealed class Handler(ICurrentUser user, IMediator mediator) : IQueryHandler<Query, IReadOnlyList<ApprenantEtablissement>>
    {
        public async ValueTask<IReadOnlyList<ApprenantEtablissement>> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = AccesBilans.Etablissement(user);
            var moi = user.UserId ?? Guid.Empty;
            if (AccesBilans.EstDirection(user))
            {
                return await mediator.Send(new ListerApprenantsDesDivisions(etablissement, []), cancellationToken);
            }
            var ids = new HashSet<Guid>();
            var liste = new List<ApprenantEtablissement>();
            if (user.HasProfil(Profils.Enseignant) && await mediator.Send(new ListerDivisionsEnseignant(etablissement, moi), cancellationToken) is { Count: > 0 } divisions)
            {
                liste.AddRange(await mediator.Send(new ListerApprenantsDesDivisions(etablissement, divisions), cancellationToken));
            }
            if (user.HasAnyProfil([Profils.Eleve, Profils.Apprenti]))
            {
                ids.Add(moi);
            }
            if (user.HasAnyProfil([Profils.Tuteur, Profils.MaitreApprentissage]))
            {
                ids.UnionWith((await mediator.Send(new ListerPeriodesEntrepriseSuivies(etablissement, moi, false), cancellationToken))
                    .SelectMany(p => p.Apprenants.Where(a => a.TuteurId == moi).Select(a => a.ApprenantId)));
            }
            ids.ExceptWith(liste.Select(a => a.UtilisateurId));
            if (ids.Count > 0)
            {
                liste.AddRange(await mediator.Send(new ObtenirApprenants(etablissement, [.. ids]), cancellationToken));
            }
            return liste.Count > 0 || user.HasAnyProfil([Profils.Enseignant, Profils.Eleve, Profils.Apprenti, Profils.Tuteur, Profils.MaitreApprentissage])
                ? [.. liste.OrderBy(a => a.Division, StringComparer.Ordinal).ThenBy(a => a.Nom).ThenBy(a => a.Prenom)]
                : throw new InterditException("Les bilans sont réservés à l'équipe pédagogique, aux apprenants et à leurs tuteurs.");
        }
    }
}
