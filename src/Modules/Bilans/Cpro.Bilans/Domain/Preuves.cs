using Cpro.Scenarios.Contracts;
using Mediator;

namespace Cpro.Bilans.Domain;

/// <summary>Brings a draft's computed levels and evidence up to date from Scenarios (school grids and finalised bilans en
/// entreprise dated up to the bilan's end), keeping the teacher's levels and comments. Never called on a finalised bilan.</summary>
internal static class Preuves
{
    public static async Task ActualiserAsync(IMediator mediator, Guid etablissement, Bilan bilan, CancellationToken cancellationToken)
    {
        var synthese = await mediator.Send(new CalculerSyntheseCompetences(etablissement, bilan.ApprenantId, bilan.Referentiel, bilan.Fin), cancellationToken);
        var saisies = bilan.Competences.ToDictionary(c => c.Code, StringComparer.Ordinal);
        bilan.Regle = synthese.Regle;
        bilan.Competences =
        [
            .. synthese.Competences.Select(c => new CompetenceBilan
            {
                Code = c.Code, Intitule = c.Intitule, NiveauCalcule = c.Niveau, Explication = c.Explication,
                Preuves = [.. c.Preuves.Select(p => new PreuveBilan
                {
                    EvaluationId = p.EvaluationId, Titre = p.Titre, Date = p.Date, Enseignant = p.Enseignant, EnEntreprise = p.EnEntreprise, Item = p.Item,
                    Niveau = p.Niveau,
                })],
                Niveau = saisies.GetValueOrDefault(c.Code)?.Niveau, Commentaire = saisies.GetValueOrDefault(c.Code)?.Commentaire,
            }),
        ];
    }
}
