namespace Cpro.Book.Domain;

internal sealed record ReussiteDto(
    Guid Id, Guid ApprenantId, string Origine, Guid? SourceId, string? SourceTitre, string Titre, string Lieu, string? Contexte, DateOnly Date, string? CeQueJaiFait,
    string? CeQueJaiAppris, IReadOnlyList<CompetenceDto> Competences, bool Masquee, DateTimeOffset? SupprimeeLe, int Version, IReadOnlyList<MediaDto> Medias,
    IReadOnlyList<CommentaireDto> Commentaires)
{
    public static ReussiteDto De(Reussite r, Diplome diplome, IEnumerable<MediaReussite> medias, IEnumerable<CommentaireReussite> commentaires) =>
        new(r.Id, r.ApprenantId, Lieux.Origine(r.Origine), r.SourceId, r.SourceTitre, r.Titre, Lieux.Code(r.Lieu), r.Contexte, r.Date, r.CeQueJaiFait, r.CeQueJaiAppris,
            [.. r.Competences.Select(c => new CompetenceDto(c.Code, diplome.IntituleDe(c.Code), c.Niveau, c.NiveauLibelle))], r.Masquee, r.SupprimeeLe, r.Version,
            [.. medias.Select(MediaDto.De)], [.. commentaires.OrderBy(c => c.Le).Select(CommentaireDto.De)]);
}

internal sealed record CompetenceDto(string Code, string Intitule, int? Niveau, string? NiveauLibelle);

internal sealed record MediaDto(Guid Id, string NomFichier, string TypeContenu, long Taille, bool Photo)
{
    public static MediaDto De(MediaReussite m) => new(m.Id, m.NomFichier, m.TypeContenu, m.Taille, m.Photo);
}

internal sealed record CommentaireDto(Guid Id, string AuteurNom, string Texte, DateTimeOffset Le)
{
    public static CommentaireDto De(CommentaireReussite c) => new(c.Id, c.AuteurNom, c.Texte, c.Le);
}

/// <summary>A learner's book as the caller sees it: who, which diploma, what the caller may do, the pages in order.</summary>
internal sealed record BookDto(Guid ApprenantId, string Nom, string Prenom, string? Division, string? Diplome, DroitsDto Droits, IReadOnlyList<ReussiteDto> Reussites);

/// <summary>Write (the learner), comment (their teachers and referents).</summary>
internal sealed record DroitsDto(bool Rediger, bool Commenter);

/// <summary>The API's words for the enums.</summary>
internal static class Lieux
{
    public const string Entreprise = "entreprise";
    public const string CentreFormation = "centreFormation";

    public static string Code(LieuReussite lieu) => lieu == LieuReussite.Entreprise ? Entreprise : CentreFormation;

    public static LieuReussite? Lire(string? code) => code switch
    {
        Entreprise => LieuReussite.Entreprise,
        CentreFormation => LieuReussite.CentreFormation,
        _ => null,
    };

    public static string Libelle(LieuReussite lieu) => lieu == LieuReussite.Entreprise ? "En entreprise" : "Au centre de formation";

    public static string Origine(OrigineReussite origine) => origine switch
    {
        OrigineReussite.FicheActivite => "ficheActivite",
        OrigineReussite.Evaluation => "evaluation",
        _ => "libre",
    };
}

/// <summary>The book's activation; <paramref name="Divisions"/> empty: every division.</summary>
internal sealed record ActivationDto(bool Actif, IReadOnlyList<string> Divisions, DateTimeOffset? ModifieLe, string? ModifiePar)
{
    public static ActivationDto De(ActivationBook? a) => a is null ? new(false, [], null, null) : new(a.Actif, a.Divisions, a.ModifieLe, a.ModifiePar);
}
