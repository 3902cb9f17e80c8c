namespace Cpro.Portfolio.Domain;

/// <summary>One entry of the learner's journal de bord: a day or a week in company, in free text, with the period's tasks
/// it covered and attachments. Written once by the learner; the tutor or maître d'apprentissage and the referents comment.</summary>
internal sealed class EntreeJournal : ITraceSuivi
{
    /// <summary>Given by whoever creates it: an initialiser would draw a Guid again at every read of the page.</summary>
    public required Guid Id { get; init; }
    public Guid PeriodeId { get; init; }
    public Guid ApprenantId { get; init; }
    /// <summary>The day, or the Monday of the week.</summary>
    public DateOnly Date { get; init; }
    public bool Semaine { get; init; }
    public required string Texte { get; init; }
    public List<string> Taches { get; init; } = [];
    public DateTimeOffset CreeLe { get; init; }
}

/// <summary>A comment on a journal entry, a document of its own: two people commenting at once both keep theirs.</summary>
internal sealed class CommentaireJournal : ITraceSuivi
{
    /// <summary>Given by whoever creates it: an initialiser would draw a Guid again at every read of the page.</summary>
    public required Guid Id { get; init; }
    public Guid EntreeId { get; init; }
    public Guid PeriodeId { get; init; }
    public Guid ApprenantId { get; init; }
    public Guid AuteurId { get; init; }
    public required string AuteurNom { get; init; }
    /// <summary>« Tuteur », « Maître d'apprentissage », « Professeur référent ».</summary>
    public required string Qualite { get; init; }
    public required string Texte { get; init; }
    public DateTimeOffset Le { get; init; }
}
