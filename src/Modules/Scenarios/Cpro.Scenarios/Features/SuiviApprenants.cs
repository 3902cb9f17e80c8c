using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Scenarios.Features;

/// <summary>Which learners a user follows: a learner only themselves; a teacher the learners of their classes (STS-web
/// services) and those they evaluated; the DDFTP and the head every learner of the establishment.</summary>
internal static class SuiviApprenants
{
    public static bool VoitTout(ICurrentUser user) => user.HasAnyProfil([Profils.Ddftp, Profils.ChefEtablissement]);

    public static async Task<IReadOnlyList<ApprenantEtablissement>> SuivisAsync(ScenariosDbContext db, ICurrentUser user, IMediator mediator,
        CancellationToken cancellationToken)
    {
        var etablissement = AccesScenarios.Etablissement(user);
        if (VoitTout(user))
        {
            return await mediator.Send(new ListerApprenantsDesDivisions(etablissement, []), cancellationToken);
        }
        if (user.HasProfil(Profils.Enseignant))
        {
            var moi = user.UserId!.Value;
            var divisions = await mediator.Send(new ListerDivisionsEnseignant(etablissement, moi), cancellationToken);
            var deSesClasses = divisions.Count == 0 ? [] : await mediator.Send(new ListerApprenantsDesDivisions(etablissement, divisions), cancellationToken);
            var evalues = (await db.Evaluations.AsNoTracking().Where(e => e.EnseignantId == moi).Select(e => e.Apprenants).ToListAsync(cancellationToken))
                .SelectMany(a => a).Except(deSesClasses.Select(a => a.UtilisateurId)).Distinct().ToList();
            var autres = evalues.Count == 0 ? [] : await mediator.Send(new ObtenirApprenants(etablissement, evalues), cancellationToken);
            return [.. deSesClasses.Concat(autres).OrderBy(a => a.Division).ThenBy(a => a.Nom).ThenBy(a => a.Prenom)];
        }
        if (user.HasAnyProfil([Profils.Eleve, Profils.Apprenti]) && user.UserId is { } soi)
        {
            return await mediator.Send(new ObtenirApprenants(etablissement, [soi]), cancellationToken);
        }
        throw new InterditException("Le suivi des compétences est réservé à l'équipe pédagogique et aux apprenants.");
    }

    /// <summary>The learner, if the user may follow them; 403 otherwise (without saying whether they exist).</summary>
    public static async Task<ApprenantEtablissement> VerifierAsync(ScenariosDbContext db, ICurrentUser user, IMediator mediator, Guid apprenantId,
        CancellationToken cancellationToken)
    {
        if (user.HasAnyProfil([Profils.Eleve, Profils.Apprenti]) && !user.HasProfil(Profils.Enseignant) && !VoitTout(user) && apprenantId != user.UserId)
        {
            throw new InterditException("Un apprenant ne consulte que son propre suivi.");
        }
        return (await SuivisAsync(db, user, mediator, cancellationToken)).FirstOrDefault(a => a.UtilisateurId == apprenantId)
               ?? throw new InterditException("Cet apprenant n'est pas dans vos classes ni dans vos évaluations.");
    }
}
