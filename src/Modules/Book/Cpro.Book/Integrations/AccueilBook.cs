using Cpro.Book.Domain;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Kernel.Portal;
using Marten;
using Mediator;

namespace Cpro.Book.Integrations;

/// <summary>The learner's card on the home page, once the book is on for their class: their latest réussites and the way
/// to add one.</summary>
internal sealed class AccueilBook(IQuerySession session, UnitOfWork unitOfWork, ActivationsEnCache activations, ICurrentUser user, IMediator mediator)
    : IContributionAccueil
{
    public async Task<IReadOnlyList<CarteAccueil>> CartesAsync(CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfil([Profils.Eleve, Profils.Apprenti]) || user.EtablissementId is not { } etablissement || user.UserId is not { } moi
            || await activations.LireAsync(session, unitOfWork, cancellationToken) is not { Actif: true } activation
            || await mediator.Send(new ObtenirApprenants(etablissement, [moi]), cancellationToken) is not [var apprenant, ..]
            || !activation.PourDivision(apprenant.Division))
        {
            return [];
        }
        var reussites = await session.Query<Reussite>().Where(r => r.ApprenantId == moi && r.SupprimeeLe == null)
            .OrderByDescending(r => r.ModifieLe).Take(3).ToListAsync(cancellationToken);
        return
        [
            new CarteAccueil("Mon book", [.. reussites.Select(r => new LigneAccueil(r.Titre, $"/book/reussites/{r.Id}", r.Date.ToString("dd/MM/yyyy",
                    System.Globalization.CultureInfo.InvariantCulture)))],
                "Aucune réussite pour l'instant : racontez ce dont vous êtes fier.", new LienAccueil("Ouvrir mon book", "/book")),
        ];
    }
}
