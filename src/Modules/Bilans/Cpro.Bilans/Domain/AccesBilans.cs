using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Contracts;
using Marten;
using Mediator;

namespace Cpro.Bilans.Domain;

/// <summary>Who may do what with a learner's bilans: the teachers of the learner's division draw them up and finalise them;
/// the DDFTP and the head read them all, and the DDFTP reopens a finalised one; the learner and their tutor or maître
/// d'apprentissage read the finalised ones only. Anyone else of the establishment 403; another establishment finds
/// nothing (404), since the learner is asked of Etablissements in the caller's establishment only.</summary>
internal static class AccesBilans
{
    public static Guid Etablissement(ICurrentUser user) =>
        user.EtablissementId ?? throw new InterditException("Les bilans sont ceux d'un établissement : connectez-vous avec un compte d'établissement.");

    public static bool EstDirection(ICurrentUser user) => user.HasAnyProfil([Profils.Ddftp, Profils.ChefEtablissement]);

    /// <summary>The DDFTP or the head: the console de pilotage and the division's edition.</summary>
    public static Guid Direction(ICurrentUser user)
    {
        var etablissement = Etablissement(user);
        return EstDirection(user) ? etablissement : throw new InterditException("Réservé au DDFTP et au chef d'établissement.");
    }

    /// <summary>The learner and the caller's part, or 404 (no such learner in the caller's establishment) or 403.</summary>
    public static async Task<Acces> VerifierAsync(IMediator mediator, ICurrentUser user, Guid apprenantId, CancellationToken cancellationToken)
    {
        var etablissement = Etablissement(user);
        var apprenant = await mediator.Send(new ObtenirApprenants(etablissement, [apprenantId]), cancellationToken) is [var trouve, ..]
            ? trouve
            : throw new IntrouvableException("Apprenant introuvable dans cet établissement.");
        var moi = user.UserId ?? Guid.Empty;
        var enseignant = user.HasProfil(Profils.Enseignant) && apprenant.Division is { } division
            && (await mediator.Send(new ListerDivisionsEnseignant(etablissement, moi), cancellationToken)).Contains(division);
        var tuteur = user.HasAnyProfil([Profils.Tuteur, Profils.MaitreApprentissage])
            && (await mediator.Send(new ListerPeriodesEntrepriseSuivies(etablissement, moi, false), cancellationToken))
                .Any(p => p.Apprenants.Any(a => a.ApprenantId == apprenantId && a.TuteurId == moi));
        var acces = new Acces(etablissement, apprenant, moi, user.NomComplet ?? user.Login ?? "", enseignant, EstDirection(user), user.HasProfil(Profils.Ddftp),
            apprenantId == moi, tuteur);
        return acces.EstEnseignant || acces.EstDirection || acces.EstApprenant || acces.EstTuteur
            ? acces
            : throw new InterditException("Seuls les enseignants de sa division, le DDFTP, le chef d'établissement, l'apprenant et son tuteur ou maître d'apprentissage consultent ses bilans.");
    }

    /// <summary>A bilan of the caller's establishment and the caller's part for its learner; 404 if none, 403 for a draft
    /// read by the learner or their tutor.</summary>
    public static async Task<(Bilan Bilan, Acces Acces)> BilanAsync(IQuerySession session, IMediator mediator, ICurrentUser user, Guid bilanId,
        CancellationToken cancellationToken)
    {
        Etablissement(user);
        var bilan = await session.LoadAsync<Bilan>(bilanId, cancellationToken) ?? throw new IntrouvableException("Bilan introuvable.");
        var acces = await VerifierAsync(mediator, user, bilan.ApprenantId, cancellationToken);
        return bilan.Finalise || acces.VoitBrouillons
            ? (bilan, acces)
            : throw new InterditException("Ce bilan n'est pas encore finalisé : il reste réservé à l'équipe pédagogique.");
    }
}

/// <summary>A learner and the caller's part for them (several at once for a teacher who is also DDFTP).</summary>
internal sealed record Acces(Guid Etablissement, ApprenantEtablissement Apprenant, Guid Moi, string Nom, bool EstEnseignant, bool EstDirection, bool EstDdftp,
    bool EstApprenant, bool EstTuteur)
{
    public bool VoitBrouillons => EstEnseignant || EstDirection;

    public void Enseignant()
    {
        if (!EstEnseignant)
        {
            throw new InterditException("Réservé aux enseignants de la division de l'apprenant.");
        }
    }

    public void Ddftp()
    {
        if (!EstDdftp)
        {
            throw new InterditException("Seul le DDFTP rouvre un bilan finalisé.");
        }
    }
}
