using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Contracts;
using Marten;
using Mediator;

namespace Cpro.Book.Domain;

/// <summary>Who may do what with a book: the learner writes theirs; the teachers of their division and the referents of
/// their company periods read it and comment; the DDFTP and the head read it; anyone else of the establishment gets 403.
/// A learner of another establishment is not found (404), nor is a book the DDFTP has not turned on for the learner's
/// division (404 « Le book n'est pas activé pour votre classe »).</summary>
internal static class AccesBook
{
    public const string NonActive = "Le book n'est pas activé pour votre classe.";

    public static Guid Etablissement(ICurrentUser user) =>
        user.EtablissementId ?? throw new InterditException("Le book est celui d'un établissement : connectez-vous avec un compte d'établissement.");

    public static bool Direction(ICurrentUser user) => user.HasAnyProfil([Profils.Ddftp, Profils.ChefEtablissement]);

    public static async Task<ActivationBook?> ActivationAsync(IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<ActivationBook>(ActivationBook.Cle, cancellationToken);

    /// <summary>The caller's own book: they are a learner whose division has the book, else 403 or 404.</summary>
    public static async Task<Lecteur> MoiAsync(IQuerySession session, IMediator mediator, ICurrentUser user, CancellationToken cancellationToken)
    {
        var etablissement = Etablissement(user);
        var moi = user.UserId ?? Guid.Empty;
        var apprenant = await mediator.Send(new ObtenirApprenants(etablissement, [moi]), cancellationToken) is [var trouve, ..]
            ? trouve
            : throw new InterditException("Le book est celui d'un apprenant : seuls les élèves et apprentis en tiennent un.");
        if (await ActivationAsync(session, cancellationToken) is not { } activation || !activation.PourDivision(apprenant.Division))
        {
            throw new IntrouvableException(NonActive);
        }
        return new Lecteur(etablissement, apprenant, moi, user.NomComplet ?? user.Login ?? "", true, false, false);
    }

    /// <summary>A learner's book as the caller may see it (404 unknown here or not turned on, 403 neither theirs nor followed).</summary>
    public static async Task<Lecteur> LecteurAsync(IQuerySession session, IMediator mediator, ICurrentUser user, Guid apprenantId, CancellationToken cancellationToken)
    {
        var etablissement = Etablissement(user);
        var apprenant = await mediator.Send(new ObtenirApprenants(etablissement, [apprenantId]), cancellationToken) is [var trouve, ..]
            ? trouve
            : throw new IntrouvableException("Apprenant introuvable dans cet établissement.");
        if (await ActivationAsync(session, cancellationToken) is not { } activation || !activation.PourDivision(apprenant.Division))
        {
            throw new IntrouvableException(NonActive);
        }
        var moi = user.UserId ?? Guid.Empty;
        var nom = user.NomComplet ?? user.Login ?? "";
        if (moi == apprenantId)
        {
            return new Lecteur(etablissement, apprenant, moi, nom, true, false, false);
        }
        var enseignant = user.HasProfil(Profils.Enseignant) && await SuitAsync(mediator, etablissement, moi, apprenant, cancellationToken);
        return enseignant || Direction(user)
            ? new Lecteur(etablissement, apprenant, moi, nom, false, enseignant, Direction(user))
            : throw new InterditException("Seuls l'apprenant, ses professeurs, ses professeurs référents, le DDFTP et le chef d'établissement consultent ce book.");
    }

    /// <summary>A teacher of the learner's division (STS-web services, professeur principal) or a referent of one of their
    /// company periods.</summary>
    private static async Task<bool> SuitAsync(IMediator mediator, Guid etablissement, Guid moi, ApprenantEtablissement apprenant, CancellationToken cancellationToken) =>
        (apprenant.Division is { } division && (await mediator.Send(new ListerDivisionsEnseignant(etablissement, moi), cancellationToken)).Contains(division))
        || (await mediator.Send(new ListerPeriodesEntrepriseSuivies(etablissement, moi, false), cancellationToken))
        .Any(p => p.Referents.Contains(moi) && p.Apprenants.Any(a => a.ApprenantId == apprenant.UtilisateurId));

    /// <summary>One of this learner's réussites (in the bin too when asked), or 404.</summary>
    public static async Task<Reussite> ReussiteAsync(IQuerySession session, Lecteur lecteur, Guid reussiteId, CancellationToken cancellationToken,
        bool corbeille = false) =>
        await session.LoadAsync<Reussite>(reussiteId, cancellationToken) is { } r && r.ApprenantId == lecteur.Apprenant.UtilisateurId
                                                                             && (r.SupprimeeLe is null || corbeille)
            ? r
            : throw new IntrouvableException("Réussite introuvable.");
}

/// <summary>A learner's book and the caller's part in it.</summary>
internal sealed record Lecteur(Guid Etablissement, ApprenantEtablissement Apprenant, Guid Moi, string Nom, bool EstApprenant, bool EstEnseignant, bool EstDirection)
{
    public void Rediger()
    {
        if (!EstApprenant)
        {
            throw new InterditException("Seul l'apprenant écrit son book : ses professeurs le commentent.");
        }
    }

    public void Commenter()
    {
        if (!EstEnseignant)
        {
            throw new InterditException("Seuls les professeurs et professeurs référents de l'apprenant commentent son book.");
        }
    }
}
