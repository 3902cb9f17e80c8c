using JasperFx;

namespace Cpro.Book.Domain;

/// <summary>Whether the DDFTP (or the head) turned the book on for the establishment, for every division or some: one
/// document per establishment, under a fixed key. Absent, the book is off: learners and teachers do not see it.</summary>
internal sealed class ActivationBook
{
    public const string Cle = "book";

    [Identity]
    public string Id { get; set; } = Cle;
    public bool Actif { get; set; }
    /// <summary>The divisions it is on for; empty, every division.</summary>
    public List<string> Divisions { get; set; } = [];
    public DateTimeOffset ModifieLe { get; set; }
    public string ModifiePar { get; set; } = "";

    /// <summary>Whether a learner of this division has the book.</summary>
    public bool PourDivision(string? division) => Actif && (Divisions.Count == 0 || (division is not null && Divisions.Contains(division)));
}
