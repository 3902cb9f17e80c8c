using System.Text.Json.Serialization;
using JasperFx;

namespace Cpro.Periodes.Domain;

/// <summary>A company period declared by the DDFTP from an annex: a PFMP (pupils) or a période employeur (apprentices),
/// for learners of one class level (all its classes). Title, objectives and tasks are copied from the annex and may be
/// edited here without changing the annex.</summary>
internal sealed class PeriodeEntreprise : IRevisioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    /// <summary>The annex it was made from; kept (without a foreign key) when the annex is deleted.</summary>
    public Guid? AnnexeId { get; init; }
    public TypePeriodeEntreprise Type { get; init; }
    public required string Referentiel { get; init; }
    public required string NiveauClasse { get; init; }
    public required string Titre { get; set; }
    public DateOnly Debut { get; set; }
    public DateOnly Fin { get; set; }
    public string? Objectifs { get; set; }
    public List<string> Activites { get; set; } = [];
    public List<string> Taches { get; set; } = [];
    /// <summary>The teachers who follow the period (professeurs référents).</summary>
    public List<Guid> Referents { get; set; } = [];
    public DateTimeOffset CreeLe { get; init; }
    public required string CreePar { get; init; }
    /// <summary>Marten's numeric revision: an edit from a stale copy gets a conflict. Filling an assignment leaves it as it is.</summary>
    public int Version { get; set; }
}

internal enum TypePeriodeEntreprise : short
{
    Pfmp = 0,
    PeriodeEmployeur = 1,
}

/// <summary>One learner on a period: their host company and their tutor (PFMP) or maître d'apprentissage (apprentice),
/// whose account is created or reused. A document of its own rather than part of the period's: filling it must not change
/// the period's revision (the DDFTP's open copy of the period stays valid), and it is read by learner and by tutor across
/// periods (overlap checks, « my periods »), through indexes on those two ids.</summary>
internal sealed class AffectationEntreprise
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PeriodeId { get; init; }
    public Guid ApprenantId { get; init; }
    public string? EntrepriseNom { get; set; }
    /// <summary>14 digits, Luhn-checked.</summary>
    public string? EntrepriseSiret { get; set; }
    public string? EntrepriseAdresse { get; set; }
    public Guid? TuteurId { get; set; }
    public string? TuteurNom { get; set; }
    /// <summary>Kept apart from the name: the account is created from both, and the form shows them again.</summary>
    public string? TuteurPrenom { get; set; }
    public string? TuteurEmail { get; set; }
    public string? TuteurTelephone { get; set; }
    public DateTimeOffset? ModifieLe { get; set; }
    /// <summary>Who filled it last (the DDFTP, a referent or the learner), shown to the DDFTP with <see cref="ModifieLe"/>.</summary>
    public Guid? ModifieParId { get; set; }
    public string? ModifiePar { get; set; }

    /// <summary>Something was entered on it: deleting the period loses it.</summary>
    [JsonIgnore]
    public bool Renseignee => EntrepriseNom is not null || TuteurId is not null;
}
