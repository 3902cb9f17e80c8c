using Mediator;

namespace Cpro.Scenarios.Contracts;

/// <summary>A learner's synthesis on one référentiel from the positionings dated up to <paramref name="Jusquau"/> (school
/// grids and finalised bilans en entreprise), by the establishment's rule: what a bilan intermédiaire is prefilled with.
/// Every competence of the référentiel, in its order, evidenced or not. Asked by Bilans, in the establishment it names.</summary>
public sealed record CalculerSyntheseCompetences(Guid EtablissementId, Guid ApprenantId, string Referentiel, DateOnly Jusquau) : IQuery<SyntheseCompetences>;

/// <param name="Regle">What the establishment's rule retains, in French (« le dernier positionnement »).</param>
public sealed record SyntheseCompetences(string Regle, IReadOnlyList<CompetenceSynthetisee> Competences);

/// <param name="Niveau">« 1 »…« 4 », or null without any degree given.</param>
/// <param name="Explication">How the rule made it (« Dernier des 3 positionnements, le 12/10/2026 : 3 Maîtrisé. »).</param>
public sealed record CompetenceSynthetisee(string Code, string Intitule, string? Niveau, string Explication, IReadOnlyList<PreuveCompetence> Preuves);

/// <summary>One positioning the level comes from: which evaluation (a grid, or a bilan en entreprise), its date, who
/// evaluated, what item (the competence or one of its criteria) and the degree given (« 1 »…« 4 »).</summary>
public sealed record PreuveCompetence(Guid EvaluationId, string Titre, DateOnly Date, string Enseignant, bool EnEntreprise, string Item, string Niveau);
