namespace Cpro.Book.Export;

/// <summary>What the export prints: the cover, then the réussites not hidden, in the book's order.</summary>
internal sealed record BookExport(string Prenom, string Nom, string? Division, string? Diplome, string Etablissement, byte[]? Logo, DateOnly Date,
    IReadOnlyList<PageExport> Pages);

/// <param name="Photo">The first photo's reduced bytes, if any.</param>
internal sealed record PageExport(string Titre, string Contexte, string? CeQueJaiFait, string? CeQueJaiAppris, byte[]? Photo, IReadOnlyList<string> Competences);
