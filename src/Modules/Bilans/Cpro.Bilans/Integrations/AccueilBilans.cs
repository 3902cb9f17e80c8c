using Cpro.Bilans.Domain;
using Cpro.Bilans.Features;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Portal;
using Mediator;

namespace Cpro.Bilans.Integrations;

/// <summary>The DDFTP's and the head's home card: the set-up steps of the year still open, from the console de pilotage
/// (a step Cpro cannot do yet is not listed as something to do).</summary>
internal sealed class AccueilBilans(ICurrentUser user, IMediator mediator) : IContributionAccueil
{
    public async Task<IReadOnlyList<CarteAccueil>> CartesAsync(CancellationToken cancellationToken)
    {
        if (user.EtablissementId is null || !AccesBilans.EstDirection(user))
        {
            return [];
        }
        var console = await mediator.Send(new ConsolePilotage.Query(), cancellationToken);
        return
        [
            new CarteAccueil($"Mise en place de l'année {Heure.LibelleAnnee(console.AnneeScolaire)}",
                [.. console.Etapes.Where(e => e.Etat == "aFaire").Select(e => new LigneAccueil(e.Titre, e.Lien, e.Detail.TrimEnd(' ', ':')))],
                "Toutes les étapes de mise en place de l'année sont terminées.", new LienAccueil("Console de pilotage", "/bilans/console")),
        ];
    }
}
