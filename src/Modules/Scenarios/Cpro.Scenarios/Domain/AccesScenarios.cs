using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Referentiels.Contracts;
using Mediator;

namespace Cpro.Scenarios.Domain;

/// <summary>Who does what with scenarios and evaluations: teachers write them; the DDFTP and the head read them;
/// everything stays in the user's establishment (the session's), on diplomas it subscribes to.</summary>
internal static class AccesScenarios
{
    public static Guid Etablissement(ICurrentUser user) =>
        user.EtablissementId ?? throw new InterditException("Les scénarios sont ceux d'un établissement : connectez-vous avec un compte d'établissement.");

    public static void Enseignant(ICurrentUser user)
    {
        if (!user.HasProfil(Profils.Enseignant))
        {
            throw new InterditException("Seuls les enseignants et formateurs créent et modifient les scénarios et les évaluations.");
        }
    }

    public static void Lecteur(ICurrentUser user)
    {
        if (!user.HasAnyProfil([Profils.Enseignant, Profils.Ddftp, Profils.ChefEtablissement]))
        {
            throw new InterditException("Les scénarios sont réservés à l'équipe pédagogique.");
        }
    }

    /// <summary>The référentiel, if the establishment subscribes to it; otherwise 422 (or 404 if it does not exist).</summary>
    public static async Task<ReferentielIndex> ReferentielAbonneAsync(IMediator mediator, Guid etablissementId, string code,
        CancellationToken cancellationToken)
    {
        var abonnements = await mediator.Send(new ListerAbonnements(etablissementId), cancellationToken);
        if (abonnements.All(a => a.Referentiel != code))
        {
            throw new NonTraitableException($"L'établissement n'est pas abonné au diplôme {code}.");
        }
        var referentiel = await mediator.Send(new ObtenirReferentiel(code), cancellationToken)
                          ?? throw new IntrouvableException($"Référentiel {code} introuvable.");
        return new ReferentielIndex(referentiel);
    }

    /// <summary>The référentiel of existing data: shown even if the subscription has ended since.</summary>
    public static async Task<ReferentielIndex> ReferentielAsync(IMediator mediator, string code, CancellationToken cancellationToken) =>
        new(await mediator.Send(new ObtenirReferentiel(code), cancellationToken) ?? throw new IntrouvableException($"Référentiel {code} introuvable."));
}
