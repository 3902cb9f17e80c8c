using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Marten;
using Mediator;

namespace Cpro.Scenarios.Domain;

/// <summary>Which learners a user follows: a learner only themselves; a teacher the learners of their classes (STS-web
/// services) and those they evaluated; the DDFTP and the head every learner of the establishment.</summary>
internal static class AccesSuivi
{
    public static bool VoitTout(ICurrentUser user) => user.HasAnyProfil([Profils.Ddftp, Profils.ChefEtablissement]);

    public static async Task<IReadOnlyList<ApprenantEtablissement>> SuivisAsync(IQuerySession session, ICurrentUser user, IMediator mediator,
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
            var evalues = (await session.Query<Evaluation>().Where(e => e.EnseignantId == moi).Select(e => e.Apprenants).ToListAsync(cancellationToken))
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

    /// <summary>The learner, if the user may follow them; 403 otherwise (without saying whether they exist). Asks about
    /// this learner only, rather than listing everyone the user follows; <paramref name="suivi"/> is the learner's
    /// follow-up, which names the teachers who evaluated them.</summary>
    public static async Task<ApprenantEtablissement> VerifierAsync(ICurrentUser user, IMediator mediator, Guid apprenantId, SuiviApprenant? suivi,
        CancellationToken cancellationToken)
    {
        var etablissement = AccesScenarios.Etablissement(user);
        var enEquipe = VoitTout(user) || user.HasProfil(Profils.Enseignant);
        if (!enEquipe && (!user.HasAnyProfil([Profils.Eleve, Profils.Apprenti]) || apprenantId != user.UserId))
        {
            throw user.HasAnyProfil([Profils.Eleve, Profils.Apprenti])
                ? new InterditException("Un apprenant ne consulte que son propre suivi.")
                : new InterditException("Le suivi des compétences est réservé à l'équipe pédagogique et aux apprenants.");
        }
        var apprenant = (await mediator.Send(new ObtenirApprenants(etablissement, [apprenantId]), cancellationToken)) is [var trouve, ..] ? trouve : null;
        var permis = apprenant is not null && (!enEquipe || VoitTout(user) || await EnseigneAsync(user, mediator, etablissement, apprenant, suivi, cancellationToken));
        return permis ? apprenant! : throw new InterditException("Cet apprenant n'est pas dans vos classes ni dans vos évaluations.");
    }

    private static async Task<bool> EnseigneAsync(ICurrentUser user, IMediator mediator, Guid etablissement, ApprenantEtablissement apprenant,
        SuiviApprenant? suivi, CancellationToken cancellationToken)
    {
        var moi = user.UserId!.Value;
        if (suivi is not null && suivi.Evaluations.Exists(e => e.EnseignantId == moi))
        {
            return true;
        }
        return apprenant.Division is { } division && (await mediator.Send(new ListerDivisionsEnseignant(etablissement, moi), cancellationToken)).Contains(division);
    }
}
