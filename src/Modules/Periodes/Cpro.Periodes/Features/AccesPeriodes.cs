using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Referentiels.Contracts;
using Mediator;

namespace Cpro.Periodes.Features;

/// <summary>Who does what with periods: the DDFTP (or the head) sets the year's frame, teachers write annexes; everything
/// stays in the user's establishment (scoped by the kernel), on diplomas it subscribes to.</summary>
internal static class AccesPeriodes
{
    public static Guid Etablissement(ICurrentUser user) =>
        user.EtablissementId ?? throw new InterditException("Les périodes sont celles d'un établissement : connectez-vous avec un compte d'établissement.");

    /// <summary>The DDFTP, or the head of the establishment.</summary>
    public static void Ddftp(ICurrentUser user)
    {
        if (!user.HasAnyProfil([Profils.Ddftp, Profils.ChefEtablissement]))
        {
            throw new InterditException("Réservé au DDFTP et au chef d'établissement.");
        }
    }

    public static void Enseignant(ICurrentUser user)
    {
        if (!user.HasProfil(Profils.Enseignant))
        {
            throw new InterditException("Réservé aux enseignants et formateurs.");
        }
    }

    /// <summary>The référentiel and its subscribed levels that have classes, if the establishment subscribes to it;
    /// otherwise 422 (or 404 if the catalogue does not know it).</summary>
    public static async Task<ReferentielAbonne> ReferentielAbonneAsync(IMediator mediator, Guid etablissementId, string code,
        CancellationToken cancellationToken)
    {
        var abonnement = (await mediator.Send(new ListerAbonnements(etablissementId), cancellationToken)).FirstOrDefault(a => a.Referentiel == code)
                         ?? throw new NonTraitableException($"L'établissement n'est pas abonné au diplôme {code}.");
        var referentiel = await mediator.Send(new ObtenirReferentiel(code), cancellationToken)
                          ?? throw new IntrouvableException($"Référentiel {code} introuvable.");
        return new ReferentielAbonne(referentiel, [.. abonnement.Niveaux.Where(n => n.Divisions.Count > 0).Select(n => n.NiveauClasse)]);
    }
}

/// <summary>A subscribed référentiel and the class levels the establishment follows it in (those with divisions).</summary>
internal sealed record ReferentielAbonne(ReferentielDto Referentiel, IReadOnlyList<string> Niveaux)
{
    /// <summary>422 unless the level is one of the subscription's levels with classes.</summary>
    public void VerifierNiveau(string niveau)
    {
        if (!Niveaux.Contains(niveau))
        {
            throw new NonTraitableException(Niveaux.Count == 0
                ? $"Aucune classe n'est abonnée au diplôme {Referentiel.Code} : le DDFTP les choisit dans « Référentiels »."
                : $"Le niveau {NiveauClasse.LibelleDe(niveau)} n'a pas de classe abonnée au diplôme {Referentiel.Code} (niveaux : {string.Join(", ", Niveaux.Select(NiveauClasse.LibelleDe))}).");
        }
    }
}
