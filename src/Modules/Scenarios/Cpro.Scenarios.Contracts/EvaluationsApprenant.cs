using Mediator;

namespace Cpro.Scenarios.Contracts;

/// <summary>The evaluations a learner was positioned in (school grids and finalised bilans en entreprise), latest first,
/// with their level per competence: what the book offers to start a réussite from, and the level it says was reached.</summary>
public sealed record ListerEvaluationsApprenant(Guid EtablissementId, Guid ApprenantId) : IQuery<IReadOnlyList<EvaluationApprenant>>;

public sealed record EvaluationApprenant(Guid Id, string Titre, DateOnly Date, string Referentiel, string EnseignantNom, bool EnEntreprise,
    IReadOnlyList<NiveauAtteint> Niveaux);

/// <summary>A competence's level in one evaluation: its own, or in « critères » mode the best of its criteria's.
/// <paramref name="Niveau"/> 1 to 4; <paramref name="Libelle"/> as the grid says it (« 3 Maîtrisé »).</summary>
public sealed record NiveauAtteint(string Competence, int Niveau, string Libelle);
