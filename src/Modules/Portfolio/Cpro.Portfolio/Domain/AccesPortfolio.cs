using System.Globalization;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Contracts;
using Marten;
using Mediator;

namespace Cpro.Portfolio.Domain;

/// <summary>Who may do what with a learner's portfolio on a company period: the learner writes their fiches and journal;
/// their referent teachers review fiches, comment, position and finalise the bilan; their tutor or maître d'apprentissage
/// comments and positions; the DDFTP and the head read. Anyone else of the establishment gets 403; another establishment
/// finds nothing (404), since the period is asked of Periodes in the caller's establishment only.</summary>
internal static class AccesPortfolio
{
    public static Guid Etablissement(ICurrentUser user) =>
        user.EtablissementId ?? throw new InterditException("Le portfolio est celui d'un établissement : connectez-vous avec un compte d'établissement.");

    public static bool VoitTout(ICurrentUser user) => user.HasAnyProfil([Profils.Ddftp, Profils.ChefEtablissement]);

    /// <summary>The learner's assignment on the period and the caller's part in it, or 404 (no such period or learner on it
    /// in the caller's establishment), or 403 (the caller follows neither).</summary>
    public static async Task<Suivi> VerifierAsync(IMediator mediator, ICurrentUser user, Guid periodeId, Guid apprenantId, CancellationToken cancellationToken)
    {
        var etablissement = Etablissement(user);
        var periode = await mediator.Send(new ObtenirApprenantEnEntreprise(etablissement, periodeId, apprenantId), cancellationToken)
                      ?? throw new IntrouvableException("Cet apprenant n'est pas sur cette période en entreprise.");
        var moi = user.UserId ?? Guid.Empty;
        var affectation = periode.Apprenants[0];
        var suivi = new Suivi(etablissement, periode, affectation, moi, user.NomComplet ?? user.Login ?? "",
            apprenantId == moi, periode.Referents.Contains(moi), affectation.TuteurId == moi, VoitTout(user));
        return suivi.EstApprenant || suivi.EstReferent || suivi.EstTuteur || suivi.EstDirection
            ? suivi
            : throw new InterditException("Seuls l'apprenant, ses professeurs référents, son tuteur ou maître d'apprentissage, le DDFTP et le chef d'établissement accèdent à ce portfolio.");
    }

    /// <summary>One of this learner's fiches on this period, or 404.</summary>
    public static async Task<FicheActivite> FicheAsync(IQuerySession session, Suivi suivi, Guid ficheId, CancellationToken cancellationToken) =>
        await session.LoadAsync<FicheActivite>(ficheId, cancellationToken) is { } fiche && fiche.PeriodeId == suivi.Periode.Id && fiche.ApprenantId == suivi.Affectation.ApprenantId
            ? fiche
            : throw new IntrouvableException("Fiche activité introuvable.");

    /// <summary>One of this learner's journal entries on this period, or 404.</summary>
    public static async Task<EntreeJournal> EntreeAsync(IQuerySession session, Suivi suivi, Guid entreeId, CancellationToken cancellationToken) =>
        await session.LoadAsync<EntreeJournal>(entreeId, cancellationToken) is { } entree && entree.PeriodeId == suivi.Periode.Id && entree.ApprenantId == suivi.Affectation.ApprenantId
            ? entree
            : throw new IntrouvableException("Entrée du journal introuvable.");

    /// <summary>« modifiée par Léa MARTIN le 12/01/2027 à 10:04 »: who saved since, for a 409.</summary>
    public static string Depuis(string par, DateTimeOffset le) =>
        $"par {par} le {le.ToLocalTime().ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture)}";
}

/// <summary>A learner's assignment on a period and the caller's part in it (several at once for a referent who is also DDFTP).</summary>
internal sealed record Suivi(Guid Etablissement, PeriodeEntrepriseSuivie Periode, ApprenantEnEntreprise Affectation, Guid Moi, string Nom,
    bool EstApprenant, bool EstReferent, bool EstTuteur, bool EstDirection)
{
    public bool Apprenti => Periode.Type == "periodeEmployeur";

    public string Encadrant => Apprenti ? "maître d'apprentissage" : "tuteur";

    public bool PeutRediger => EstApprenant;

    public bool PeutCommenter => EstReferent || EstTuteur;

    public void Apprenant()
    {
        if (!EstApprenant)
        {
            throw new InterditException("Seul l'apprenant rédige ses fiches activités et son journal de bord.");
        }
    }

    public void Referent()
    {
        if (!EstReferent)
        {
            throw new InterditException("Réservé aux professeurs référents de la période.");
        }
    }

    public void Encadre()
    {
        if (!PeutCommenter)
        {
            throw new InterditException($"Réservé aux professeurs référents et au {Encadrant} de l'apprenant.");
        }
    }

    /// <summary>How a comment or a positioning names its author's part.</summary>
    public string Qualite => EstReferent ? "Professeur référent" : Apprenti ? "Maître d'apprentissage" : "Tuteur";
}
