using System.Globalization;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Portal;
using Cpro.Scenarios.Domain;
using Marten;

namespace Cpro.Scenarios.Integrations;

/// <summary>The home page's cards: a teacher's latest grids (those they created), a learner's latest positionings (their
/// own follow-up, one document).</summary>
internal sealed class AccueilScenarios(IQuerySession session, ICurrentUser user) : IContributionAccueil
{
    private const int Lignes = 5;

    public async Task<IReadOnlyList<CarteAccueil>> CartesAsync(CancellationToken cancellationToken)
    {
        if (user.UserId is not { } moi || user.EtablissementId is null)
        {
            return [];
        }
        var cartes = new List<CarteAccueil>();
        if (user.HasProfil(Profils.Enseignant))
        {
            // Only what a line shows: a grid's cells can be thousands.
            var grilles = await session.Query<Evaluation>().Where(e => e.EnseignantId == moi).OrderByDescending(e => e.CreeLe).Take(Lignes)
                .Select(e => new { e.Id, e.Titre, e.Date, e.NiveauClasse }).ToListAsync(cancellationToken);
            cartes.Add(new CarteAccueil("Vos dernières grilles de positionnement",
                [.. grilles.Select(g => new LigneAccueil(g.Titre, $"/scenarios/evaluations/{g.Id}", $"évaluation du {Date(g.Date)}"))],
                "Vous n'avez pas encore créé de grille : ouvrez un scénario pédagogique puis « Créer une grille de positionnement ».",
                new LienAccueil("Vos scénarios pédagogiques", "/scenarios")));
        }
        if (user.HasAnyProfil([Profils.Eleve, Profils.Apprenti]))
        {
            var suivi = await session.LoadAsync<SuiviApprenant>(moi, cancellationToken);
            var positionnees = (suivi?.Evaluations ?? []).Select(e => (Evaluation: e, Degres: e.Niveaux.Values.Count(n => n.EstDegre())))
                .Where(e => e.Degres > 0).OrderByDescending(e => e.Evaluation.Date).ThenByDescending(e => e.Evaluation.CreeLe).Take(Lignes);
            cartes.Add(new CarteAccueil("Vos derniers positionnements",
                [.. positionnees.Select(p => new LigneAccueil(p.Evaluation.Titre, null,
                    $"le {Date(p.Evaluation.Date)}, par {p.Evaluation.EnseignantNom} : {p.Degres} positionnement(s)"))],
                "Aucun enseignant ne vous a encore positionné.", new LienAccueil("Votre tableau de bord", $"/suivi/{moi}")));
        }
        return cartes;
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
