using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Periodes.Domain;
using Cpro.Portfolio.Contracts;
using Cpro.Referentiels.Contracts;
using Marten;
using Mediator;

namespace Cpro.Periodes.Features;

/// <summary>Who does what with company periods: the DDFTP (or the head) declares them and fills each learner's company
/// and tutor, and sees them all; a referent teacher sees the periods they follow, a learner their own assignment, a
/// tutor or maître d'apprentissage the learners they follow. Everything stays in the user's establishment (the session's).</summary>
internal static class AccesEntreprise
{
    public static bool EstDeclarant(ICurrentUser user) => user.HasAnyProfil([Profils.Ddftp, Profils.ChefEtablissement]);

    public static void Declarant(ICurrentUser user)
    {
        if (!EstDeclarant(user))
        {
            throw new InterditException("Seuls le DDFTP et le chef d'établissement déclarent et renseignent les périodes en entreprise.");
        }
    }

    /// <summary>The periods the user may see: all for the DDFTP and the head; otherwise those they are a referent of,
    /// or hold an assignment of (as its learner or its tutor).</summary>
    public static async Task<IQueryable<PeriodeEntreprise>> VisiblesAsync(IQuerySession session, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (EstDeclarant(user))
        {
            return session.Query<PeriodeEntreprise>();
        }
        var moi = user.UserId ?? Guid.Empty;
        var affectees = await session.Query<AffectationEntreprise>().Where(a => a.ApprenantId == moi || a.TuteurId == moi)
            .Select(a => a.PeriodeId).ToListAsync(cancellationToken);
        return session.Query<PeriodeEntreprise>().Where(p => p.Referents.Contains(moi) || affectees.Contains(p.Id));
    }

    /// <summary>Of a visible period's assignments, those the user may see: all of them for the DDFTP, the head and the
    /// period's referents; otherwise only their own (as learner or tutor).</summary>
    public static IEnumerable<AffectationEntreprise> AffectationsVisibles(ICurrentUser user, PeriodeEntreprise periode, IEnumerable<AffectationEntreprise> affectations)
    {
        var moi = user.UserId ?? Guid.Empty;
        return EstDeclarant(user) || periode.Referents.Contains(moi)
            ? affectations
            : affectations.Where(a => a.ApprenantId == moi || a.TuteurId == moi);
    }

    /// <summary>Every assignment of a period, as stored.</summary>
    public static async Task<IReadOnlyList<AffectationEntreprise>> AffectationsAsync(IQuerySession session, Guid periodeId, CancellationToken cancellationToken) =>
        await session.Query<AffectationEntreprise>().Where(a => a.PeriodeId == periodeId).ToListAsync(cancellationToken);

    /// <summary>A period the user may see, or 404 (existing or not, in their establishment or another).</summary>
    public static async Task<PeriodeEntreprise> VisibleAsync(IQuerySession session, ICurrentUser user, Guid id, CancellationToken cancellationToken) =>
        await (await VisiblesAsync(session, user, cancellationToken)).SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw Introuvable();

    /// <summary>A period of the establishment, for the DDFTP to change (403 before 404: the others learn nothing), read once
    /// the establishment's company periods are the command's (<see cref="VerrouillerAsync"/>).</summary>
    public static async Task<PeriodeEntreprise> ModifiableAsync(IDocumentSession session, UnitOfWork unitOfWork, ICurrentUser user, Guid id,
        CancellationToken cancellationToken)
    {
        Declarant(user);
        await VerrouillerAsync(unitOfWork, AccesPeriodes.Etablissement(user), cancellationToken);
        return await session.LoadAsync<PeriodeEntreprise>(id, cancellationToken) ?? throw Introuvable();
    }

    /// <summary>Who may fill a learner's company and tutor: the DDFTP and the head, the period's referents, and the learner
    /// themself (who often finds the company).</summary>
    public static bool PeutRenseigner(ICurrentUser user, PeriodeEntreprise periode, Guid apprenantId) =>
        EstDeclarant(user) || user.UserId is { } moi && (periode.Referents.Contains(moi) || moi == apprenantId);

    /// <summary>A period of the establishment on which the user may fill this learner's entry, read under the lock of
    /// <see cref="ModifiableAsync"/>: 404 when it is not the establishment's, 403 for anyone else than
    /// <see cref="PeutRenseigner"/> names.</summary>
    public static async Task<PeriodeEntreprise> RenseignableAsync(IDocumentSession session, UnitOfWork unitOfWork, ICurrentUser user, Guid id, Guid apprenantId,
        CancellationToken cancellationToken)
    {
        await VerrouillerAsync(unitOfWork, AccesPeriodes.Etablissement(user), cancellationToken);
        var periode = await session.LoadAsync<PeriodeEntreprise>(id, cancellationToken) ?? throw Introuvable();
        return PeutRenseigner(user, periode, apprenantId)
            ? periode
            : throw new InterditException("Seuls le DDFTP, le chef d'établissement, les professeurs référents de la période et l'apprenant lui-même renseignent son entreprise et son tuteur.");
    }

    /// <summary>Whether the user may pick an existing tutor's account on this period: those who see every learner of it
    /// (the DDFTP, the head, its referents). A learner types their tutor: the establishment's list of tutors, with
    /// their addresses, is not theirs to read.</summary>
    public static bool PeutChoisirTuteur(ICurrentUser user, PeriodeEntreprise periode) =>
        EstDeclarant(user) || user.UserId is { } moi && periode.Referents.Contains(moi);

    /// <summary>Every write to the establishment's company periods and assignments waits for the others until the commit:
    /// two declarations at once would each miss the other's learners in the overlap check, an edit's version check would
    /// miss a save made meanwhile, and a period or an assignment deleted meanwhile would be written back.</summary>
    public static Task VerrouillerAsync(UnitOfWork unitOfWork, Guid etablissementId, CancellationToken cancellationToken) =>
        unitOfWork.VerrouillerAsync($"cpro.periodes-entreprise:{etablissementId}", cancellationToken);

    /// <summary>422 when a learner of the period (of <paramref name="apprenants"/> only, if given) has a finalised bilan en
    /// entreprise: deleting the period or taking them off it would lose it, whatever the DDFTP confirms. The portfolio
    /// answers (Contracts); its bilan must be reopened first.</summary>
    public static async Task VerifierBilansAsync(IMediator mediator, Guid etablissementId, PeriodeEntreprise periode, IReadOnlyList<Guid>? apprenants,
        CancellationToken cancellationToken)
    {
        var finalises = await mediator.Send(new ListerBilansFinalises(etablissementId, periode.Id), cancellationToken);
        var perdus = apprenants is null ? finalises : [.. finalises.Intersect(apprenants)];
        if (perdus.Count == 0)
        {
            return;
        }
        var noms = (await mediator.Send(new ObtenirApprenants(etablissementId, perdus), cancellationToken)).Select(a => $"{a.Prenom} {a.Nom}").Order().ToList();
        throw new NonTraitableException($"{perdus.Count} bilan(s) en entreprise finalisé(s) sur la période « {periode.Titre} » ({string.Join(", ", noms)}) seraient perdus : "
                                        + "un professeur référent doit d'abord les rouvrir dans le portfolio.");
    }

    private static IntrouvableException Introuvable() => new("Période en entreprise introuvable.");

    public static string Code(TypePeriodeEntreprise type) => type == TypePeriodeEntreprise.Pfmp ? "pfmp" : "periodeEmployeur";

    public static TypePeriodeEntreprise? Type(string? code) => code switch
    {
        "pfmp" => TypePeriodeEntreprise.Pfmp,
        "periodeEmployeur" => TypePeriodeEntreprise.PeriodeEmployeur,
        _ => null,
    };

    public static string Libelle(TypePeriodeEntreprise type) => type == TypePeriodeEntreprise.Pfmp ? "PFMP" : "période employeur";

    /// <summary>The divisions the subscription ties to this level; null when the establishment does not subscribe to the diploma.</summary>
    public static async Task<IReadOnlyList<string>?> DivisionsDuNiveauAsync(IMediator mediator, Guid etablissementId, string referentiel,
        string niveauClasse, CancellationToken cancellationToken) =>
        (await mediator.Send(new ListerAbonnements(etablissementId), cancellationToken)).FirstOrDefault(a => a.Referentiel == referentiel)
            ?.Niveaux.Where(n => n.NiveauClasse == niveauClasse).SelectMany(n => n.Divisions).Distinct().ToList();

    /// <summary>Whether a learner is of the level (as <see cref="ApprenantsDuNiveauAsync"/> lists them): active, in one of its divisions.</summary>
    public static bool DuNiveau(ApprenantEtablissement apprenant, IReadOnlyList<string>? divisions) =>
        apprenant is { Actif: true, Division: { } division } && divisions is not null && divisions.Contains(division);

    /// <summary>The learners of the divisions the subscription ties to this level, pupils and apprentices.</summary>
    public static async Task<IReadOnlyList<ApprenantEtablissement>> ApprenantsDuNiveauAsync(IMediator mediator, Guid etablissementId, string referentiel,
        string niveauClasse, CancellationToken cancellationToken)
    {
        var divisions = await DivisionsDuNiveauAsync(mediator, etablissementId, referentiel, niveauClasse, cancellationToken)
                        ?? throw new NonTraitableException($"L'établissement n'est pas abonné au diplôme {referentiel}.");
        if (divisions.Count == 0)
        {
            throw new NonTraitableException($"Aucune division n'est rattachée au niveau {NiveauClasse.LibelleDe(niveauClasse)} de ce diplôme : complétez l'abonnement.");
        }
        return await mediator.Send(new ListerApprenantsDesDivisions(etablissementId, divisions), cancellationToken);
    }

    /// <summary>The learners a period may hold: those of the level, pupils for a PFMP, apprentices for a période employeur.</summary>
    public static async Task<IReadOnlyList<ApprenantEtablissement>> CandidatsAsync(IMediator mediator, Guid etablissementId, string referentiel,
        string niveauClasse, TypePeriodeEntreprise type, CancellationToken cancellationToken) =>
        [.. (await ApprenantsDuNiveauAsync(mediator, etablissementId, referentiel, niveauClasse, cancellationToken)).Where(a => a.Statut == StatutDes(type))];

    /// <summary>Pupils go on PFMP, apprentices on période employeur.</summary>
    public static string StatutDes(TypePeriodeEntreprise type) => type == TypePeriodeEntreprise.Pfmp ? Profils.Eleve : Profils.Apprenti;
}
