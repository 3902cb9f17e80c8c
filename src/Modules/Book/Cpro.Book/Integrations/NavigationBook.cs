using Cpro.Book.Domain;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;

namespace Cpro.Book.Integrations;

/// <summary>« Book des apprenants » in the menu: always for the DDFTP and the head (they turn it on); for a learner once it
/// is on for their division; for a teacher once it is on for one of the divisions they teach (any, when on for all).</summary>
internal sealed class NavigationBook(IQuerySession session, UnitOfWork unitOfWork, ActivationsEnCache activations, ICurrentUser user, IMediator mediator)
    : INavigationConditionnelle
{
    public string Href => "/book";

    public async Task<bool> VisibleAsync(CancellationToken cancellationToken)
    {
        if (AccesBook.Direction(user))
        {
            return true;
        }
        if (user.EtablissementId is not { } etablissement || user.UserId is not { } moi
            || await activations.LireAsync(session, unitOfWork, cancellationToken) is not { Actif: true } activation)
        {
            return false;
        }
        if (user.HasAnyProfil([Profils.Eleve, Profils.Apprenti])
            && await mediator.Send(new ObtenirApprenants(etablissement, [moi]), cancellationToken) is [var apprenant, ..])
        {
            return activation.PourDivision(apprenant.Division);
        }
        return activation.Divisions.Count == 0
               || (await mediator.Send(new ListerDivisionsEnseignant(etablissement, moi), cancellationToken)).Any(activation.Divisions.Contains);
    }
}
