namespace Cpro.Scenarios.Domain;

// An evaluation is a stream of events (stream id = evaluation id, in its establishment's tenant): the first says what
// its grid is made of, then one per save. The grid (Evaluation), its history and each learner's follow-up
// (SuiviApprenant) are read from them.

/// <summary>Starts an evaluation's stream: a scenario given to these learners (the grid's rows, in order) on these
/// items (its columns).</summary>
internal sealed record EvaluationCreee(
    Guid ScenarioId, string Titre, string Referentiel, string NiveauClasse, DateOnly Date, Guid EnseignantId, string EnseignantNom, string Mode,
    IReadOnlyList<string> Items, IReadOnlyList<Guid> Apprenants, DateTimeOffset CreeLe);

/// <summary>One save of a grid: who saved, when, and each cell it changed.</summary>
internal sealed record GrilleEnregistree(Guid AuteurId, string Auteur, DateTimeOffset Le, IReadOnlyList<CelluleModifiee> Cellules);

/// <summary>A cell's value before the save (none for a cell never filled) and after it.</summary>
internal sealed record CelluleModifiee(
    Guid ApprenantId, string Item, NiveauMaitrise? NiveauAvant, string? CommentaireAvant, NiveauMaitrise Niveau, string? Commentaire);

// A finalised bilan en entreprise (portfolio) is a stream of its own (stream id = the bilan's id): each finalisation
// appends its positionings, each reopening their withdrawal. Only the learner's follow-up reads them.

/// <summary>A bilan en entreprise finalised: its positionings, one evaluation « en entreprise » of the learner's follow-up.</summary>
internal sealed record BilanEntrepriseFinalise(
    Guid ApprenantId, string Titre, string Referentiel, DateOnly Date, Guid EnseignantId, string EnseignantNom, string Mode,
    IReadOnlyDictionary<string, NiveauMaitrise> Niveaux, IReadOnlyDictionary<string, string> Commentaires, DateTimeOffset Le);

/// <summary>A bilan en entreprise reopened: its positionings leave the follow-up.</summary>
internal sealed record BilanEntrepriseRetire(Guid ApprenantId, DateTimeOffset Le);
