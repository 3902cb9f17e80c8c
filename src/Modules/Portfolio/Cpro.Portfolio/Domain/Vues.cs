namespace Cpro.Portfolio.Domain;

// What the API answers about a portfolio, shared by the slices that read and write it.

internal sealed record PieceJointeDto(Guid Id, string NomFichier, string TypeContenu, long Taille, DateTimeOffset AjouteLe, string AjoutePar)
{
    public static PieceJointeDto De(PieceJointe p) => new(p.Id, p.NomFichier, p.TypeContenu, p.Taille, p.AjouteLe, p.AjoutePar);
}

/// <summary><see cref="Statut"/>: « brouillon » (the learner edits it) or « soumise » (the referents review it);
/// <see cref="TachesRetenues"/> is null until reviewed.</summary>
internal sealed record FicheDto(
    Guid Id, string Titre, DateOnly Debut, DateOnly? Fin, string? Contexte, string? Realisation, IReadOnlyList<string> Taches, string Statut,
    DateTimeOffset? SoumiseLe, IReadOnlyList<string>? TachesRetenues, IReadOnlyList<string> Items, DateTimeOffset? RevueLe, string? RevuePar,
    IReadOnlyList<PieceJointeDto> PiecesJointes, DateTimeOffset ModifieLe, string ModifiePar, int Version)
{
    public static FicheDto De(FicheActivite f, IEnumerable<PieceJointe> pieces) =>
        new(f.Id, f.Titre, f.Debut, f.Fin, f.Contexte, f.Realisation, f.Taches, Code(f.Statut), f.SoumiseLe, f.TachesRetenues, f.Items, f.RevueLe, f.RevuePar,
            [.. pieces.Select(PieceJointeDto.De)], f.ModifieLe, f.ModifiePar, f.Version);

    public static string Code(StatutFiche statut) => statut == StatutFiche.Soumise ? "soumise" : "brouillon";
}

internal sealed record CommentaireDto(Guid Id, string AuteurNom, string Qualite, string Texte, DateTimeOffset Le);

/// <summary>An entry and its thread, comments oldest first.</summary>
internal sealed record EntreeJournalDto(
    Guid Id, DateOnly Date, bool Semaine, string Texte, IReadOnlyList<string> Taches, DateTimeOffset CreeLe, IReadOnlyList<PieceJointeDto> PiecesJointes,
    IReadOnlyList<CommentaireDto> Commentaires);

internal sealed record ItemBilanDto(string Code, string Intitule, string? Niveau, string? NiveauLibelle);

/// <summary>A learner's bilan en entreprise; <see cref="Existe"/> false (version 0) until a review or a save creates it.</summary>
internal sealed record BilanDto(
    bool Existe, string Mode, IReadOnlyList<string> Selection, IReadOnlyList<ItemBilanDto> Items, string? Commentaire, bool SaisieSurPapier, bool Finalise,
    DateTimeOffset? FinaliseLe, string? FinalisePar, IReadOnlyList<EtapeBilanDto> Historique, DateTimeOffset? ModifieLe, string? ModifiePar, int Version)
{
    public static BilanDto De(BilanEntreprise? b, ReferentielPortfolio referentiel)
    {
        if (b is null)
        {
            return new BilanDto(false, BilanEntreprise.ModeCompetences, [], [], null, false, false, null, null, [], null, null, 0);
        }
        var items = referentiel.ItemsDuBilan(b.Mode, b.Selection).Select(code => b.Niveaux.GetValueOrDefault(code) is { } niveau
            ? new ItemBilanDto(code, referentiel.Intitule(code), niveau, Degres.Libelle(niveau))
            : new ItemBilanDto(code, referentiel.Intitule(code), null, null));
        return new BilanDto(true, b.Mode, b.Selection, [.. items], b.Commentaire, b.SaisieSurPapier, b.FinaliseLe is not null, b.FinaliseLe, b.FinalisePar,
            [.. b.Historique.Select(h => new EtapeBilanDto(h.Action, h.Par, h.Le))], b.ModifieLe, b.ModifiePar, b.Version);
    }
}

internal sealed record EtapeBilanDto(string Action, string Par, DateTimeOffset Le);
