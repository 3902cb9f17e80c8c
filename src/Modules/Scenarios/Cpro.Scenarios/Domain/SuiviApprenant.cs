using System.Text.Json.Serialization;
using JasperFx;

namespace Cpro.Scenarios.Domain;

/// <summary>One learner's positionings across evaluations, under the learner's id: what the dashboard and its synthesis
/// read in one document load. Projected from the evaluations' events (<see cref="ProjectionSuivi"/>), written with them.</summary>
internal sealed class SuiviApprenant
{
    public Guid Id { get; set; }
    /// <summary>Every evaluation the learner is in, whether or not they were positioned yet.</summary>
    public List<EvaluationSuivie> Evaluations { get; set; } = [];

    public void Ajouter(Guid evaluationId, EvaluationCreee creation) => Evaluations.Add(new EvaluationSuivie
    {
        Id = evaluationId, Titre = creation.Titre, Referentiel = creation.Referentiel, Date = creation.Date, EnseignantId = creation.EnseignantId,
        EnseignantNom = creation.EnseignantNom, Mode = creation.Mode, CreeLe = creation.CreeLe,
    });

    /// <summary>The learner's cells of a save of that evaluation's grid.</summary>
    public void Appliquer(Guid evaluationId, GrilleEnregistree enregistrement)
    {
        if (Evaluations.Find(e => e.Id == evaluationId) is not { } evaluation)
        {
            return;
        }
        foreach (var changement in enregistrement.Cellules.Where(c => c.ApprenantId == Id))
        {
            evaluation.Niveaux[changement.Item] = changement.Niveau;
            if (changement.Commentaire is null)
            {
                evaluation.Commentaires.Remove(changement.Item);
            }
            else
            {
                evaluation.Commentaires[changement.Item] = changement.Commentaire;
            }
        }
    }
}

/// <summary>An evaluation as the learner's follow-up shows it, and the learner's cells of its grid. Every save of a
/// grid rewrites the follow-up of each of its learners, which holds years of positionings: a cell is an entry of two
/// dictionaries rather than an object repeating its field names, which makes the document about three times smaller.</summary>
internal sealed class EvaluationSuivie
{
    public Guid Id { get; init; }
    public required string Titre { get; init; }
    public required string Referentiel { get; init; }
    public DateOnly Date { get; init; }
    public Guid EnseignantId { get; init; }
    public required string EnseignantNom { get; init; }
    public required string Mode { get; init; }
    /// <summary>A bilan en entreprise's positionings (the tutor's or maître d'apprentissage's with the teacher's), not a
    /// grid of the school: the dashboard tells them apart.</summary>
    public bool EnEntreprise { get; init; }
    /// <summary>Orders evaluations of the same date.</summary>
    public DateTimeOffset CreeLe { get; init; }
    /// <summary>The learner's level on each item they were positioned on, in the order first given.</summary>
    [JsonConverter(typeof(NiveauxJson))]
    public Dictionary<string, NiveauMaitrise> Niveaux { get; set; } = [];
    /// <summary>The comments, for the items that have one.</summary>
    public Dictionary<string, string> Commentaires { get; set; } = [];

    public string CompetenceDe(string item) => Evaluation.CompetenceDe(Mode, item);

    public static EvaluationSuivie EnEntrepriseDe(Guid bilanId, BilanEntrepriseFinalise bilan) => new()
    {
        Id = bilanId, Titre = bilan.Titre, Referentiel = bilan.Referentiel, Date = bilan.Date, EnseignantId = bilan.EnseignantId,
        EnseignantNom = bilan.EnseignantNom, Mode = bilan.Mode, EnEntreprise = true, CreeLe = bilan.Le,
        Niveaux = new Dictionary<string, NiveauMaitrise>(bilan.Niveaux, StringComparer.Ordinal), Commentaires = new Dictionary<string, string>(bilan.Commentaires),
    };
}

/// <summary>The establishment's choice of how a learner's positionings on a competence make one level: one document per
/// establishment, under a fixed key.</summary>
internal sealed class ParametresSuivi
{
    public const string Cle = "suivi";

    [Identity]
    public string Id { get; set; } = Cle;
    public RegleSynthese Regle { get; set; }

    /// <summary>The establishment's rule: the most recent positioning until it chooses another.</summary>
    public static RegleSynthese RegleDe(ParametresSuivi? parametres) => parametres?.Regle ?? RegleSynthese.PlusRecent;
}

internal enum RegleSynthese : short
{
    PlusRecent = 0,
    Meilleur = 1,
    MoyenneArrondie = 2,
    PlusFrequent = 3,
}
