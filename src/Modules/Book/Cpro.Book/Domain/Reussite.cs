using JasperFx;

namespace Cpro.Book.Domain;

/// <summary>One page of a learner's book: an achievement they are proud of, started from nothing, from one of their fiches
/// activités or from an evaluation (<see cref="Origine"/>), told in their words, illustrated (<see cref="MediaReussite"/>)
/// and tied to competences of their diploma. Only the learner writes it; deleted, it waits 30 days in the bin
/// (<see cref="SupprimeeLe"/>) before it is purged.</summary>
internal sealed class Reussite : IRevisioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    /// <summary>Its establishment, for the purge that goes over every establishment's bin.</summary>
    public Guid EtablissementId { get; init; }
    public Guid ApprenantId { get; init; }
    public OrigineReussite Origine { get; init; }
    /// <summary>The fiche activité or evaluation it was started from.</summary>
    public Guid? SourceId { get; init; }
    /// <summary>What the source was called, kept since the source may change or go.</summary>
    public string? SourceTitre { get; init; }
    /// <summary>The diploma's référentiel its competences are from.</summary>
    public required string Referentiel { get; init; }
    public required string Titre { get; set; }
    public LieuReussite Lieu { get; set; }
    /// <summary>The company or the workshop, in the learner's words.</summary>
    public string? Contexte { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>« Ce que j'ai fait ».</summary>
    public string? CeQueJaiFait { get; set; }
    /// <summary>« Ce que j'ai appris ».</summary>
    public string? CeQueJaiAppris { get; set; }
    public List<CompetenceReussite> Competences { get; set; } = [];
    /// <summary>Left out of the export, still in the book.</summary>
    public bool Masquee { get; set; }
    public DateTimeOffset? SupprimeeLe { get; set; }
    public DateTimeOffset CreeLe { get; init; }
    public DateTimeOffset ModifieLe { get; set; }
    /// <summary>Marten's numeric revision: a write from a stale copy gets a conflict.</summary>
    public int Version { get; set; }
}

/// <summary>A competence the réussite proves; <see cref="Niveau"/> (1 to 4) when the evaluation it came from positioned it.</summary>
internal sealed class CompetenceReussite
{
    public required string Code { get; init; }
    public int? Niveau { get; init; }
    public string? NiveauLibelle { get; init; }
}

internal enum OrigineReussite : short
{
    Libre = 0,
    FicheActivite = 1,
    Evaluation = 2,
}

internal enum LieuReussite : short
{
    Entreprise = 0,
    CentreFormation = 1,
}

/// <summary>The order of a learner's pages, apart from their content so that reordering never conflicts with an edit.
/// One per learner (their account id).</summary>
internal sealed class OrdreBook
{
    public Guid Id { get; set; }
    public List<Guid> Reussites { get; set; } = [];
}

/// <summary>A teacher's (or the DDFTP's, the head's) comment on a réussite; the learner reads it, nobody edits it.</summary>
internal sealed class CommentaireReussite
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ReussiteId { get; init; }
    public Guid ApprenantId { get; init; }
    public Guid AuteurId { get; init; }
    public required string AuteurNom { get; init; }
    public required string Texte { get; init; }
    public DateTimeOffset Le { get; init; }
}
