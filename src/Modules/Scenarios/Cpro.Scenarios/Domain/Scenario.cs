using Cpro.Kernel.Persistence;

namespace Cpro.Scenarios.Domain;

/// <summary>A pedagogical scenario for a diploma and a class level, in four sections (Titre, Contexte, Liaison avec le
/// référentiel, Ressources) plus the compétences transversales worked. Shared with the establishment's teaching team;
/// not tied to a school year, so reusable from one to the next.</summary>
internal sealed class Scenario : IEtablissementOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EtablissementId { get; set; }
    /// <summary>The teacher who wrote it; null for a copy shared by another establishment (read-only, to duplicate).</summary>
    public Guid? AuteurId { get; set; }
    public required string AuteurNom { get; set; }
    public required string Referentiel { get; init; }
    public required string NiveauClasse { get; set; }

    // Titre
    public required string Titre { get; set; }
    public bool CoIntervention { get; set; }
    /// <summary>The other discipline of a co-intervention (e.g. « Mathématiques »).</summary>
    public string? CoInterventionDiscipline { get; set; }
    public List<Guid> CoAuteurs { get; set; } = [];

    // Contexte
    public string? SituationProfessionnelle { get; set; }
    public string? ProblematiqueEtMissions { get; set; }
    public string? MaterielsEtLogiciels { get; set; }
    public List<string> Liens { get; set; } = [];
    public string? EspacesDeFormation { get; set; }

    // Liaison avec le référentiel: what the teacher selected; compétences and blocs are derived.
    public List<string> Activites { get; set; } = [];
    public List<string> Taches { get; set; } = [];
    public List<string> Criteres { get; set; } = [];
    public List<string> CompetencesTransversales { get; set; } = [];

    /// <summary>« Copie de … » or « Partagé par … »: where a copy came from.</summary>
    public string? Origine { get; set; }
    public DateTimeOffset CreeLe { get; init; }
    public DateTimeOffset ModifieLe { get; set; }
    /// <summary>PostgreSQL xmin: two co-authors editing from stale copies get a conflict.</summary>
    public uint Version { get; set; }

    public bool Modifiable(Guid utilisateurId) => AuteurId == utilisateurId || CoAuteurs.Contains(utilisateurId);
}

/// <summary>A file attached to a scenario; its bytes sit in their own table, read only when downloaded.</summary>
internal sealed class Ressource : IEtablissementOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EtablissementId { get; set; }
    public Guid ScenarioId { get; init; }
    public required string NomFichier { get; init; }
    public required string TypeContenu { get; init; }
    public long Taille { get; init; }
    public DateTimeOffset AjouteLe { get; init; }
    public required string AjoutePar { get; init; }
}

internal sealed class ContenuRessource : IEtablissementOwned
{
    public Guid RessourceId { get; init; }
    public Guid EtablissementId { get; set; }
    public required byte[] Contenu { get; init; }
}
