using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using JasperFx;
using Marten;

namespace Cpro.Scenarios.Domain;

/// <summary>A pedagogical scenario for a diploma and a class level, in four sections (Titre, Contexte, Liaison avec le
/// référentiel, Ressources) plus the compétences transversales worked. Shared with the establishment's teaching team;
/// not tied to a school year, so reusable from one to the next. A document of its establishment.</summary>
internal sealed class Scenario : IRevisioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
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
    /// <summary>The store's revision, 1 when created: two co-authors editing from stale copies get a conflict.</summary>
    public int Version { get; set; }

    public bool Modifiable(Guid utilisateurId) => AuteurId == utilisateurId || CoAuteurs.Contains(utilisateurId);

    /// <summary>Resources are part of the scenario: whoever may edit it adds and removes them.</summary>
    public void VerifierAuteurRessources(ICurrentUser user)
    {
        if (user.UserId is not { } moi || !Modifiable(moi))
        {
            throw new InterditException("Seuls l'auteur et les co-auteurs ajoutent ou retirent les ressources d'un scénario ; dupliquez-le pour l'adapter.");
        }
    }

    /// <summary>A scenario of the user's establishment (the session's), or 404.</summary>
    public static async Task<Scenario> TrouverAsync(IQuerySession session, Guid id, CancellationToken cancellationToken) =>
        await session.LoadAsync<Scenario>(id, cancellationToken) ?? throw new IntrouvableException("Scénario introuvable.");
}

/// <summary>A file attached to a scenario; its bytes are a document of their own, read only when downloaded.</summary>
internal sealed class Ressource
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ScenarioId { get; init; }
    public required string NomFichier { get; init; }
    public required string TypeContenu { get; init; }
    public long Taille { get; init; }
    public DateTimeOffset AjouteLe { get; init; }
    public required string AjoutePar { get; init; }

    /// <summary>The scenario's resources, in the order they were added.</summary>
    public static async Task<IReadOnlyList<Ressource>> DuScenarioAsync(IQuerySession session, Guid scenarioId, CancellationToken cancellationToken) =>
        [.. (await session.Query<Ressource>().Where(r => r.ScenarioId == scenarioId).ToListAsync(cancellationToken)).OrderBy(r => r.AjouteLe)];

    /// <summary>One of the scenario's resources, or 404.</summary>
    public static async Task<Ressource> TrouverAsync(IQuerySession session, Scenario scenario, Guid ressourceId, CancellationToken cancellationToken) =>
        await session.LoadAsync<Ressource>(ressourceId, cancellationToken) is { } ressource && ressource.ScenarioId == scenario.Id
            ? ressource
            : throw new IntrouvableException("Ressource introuvable.");
}

/// <summary>A resource's bytes, under the resource's id (base64 in the document).</summary>
internal sealed class ContenuRessource
{
    public Guid Id { get; init; }
    public required byte[] Contenu { get; init; }
}
