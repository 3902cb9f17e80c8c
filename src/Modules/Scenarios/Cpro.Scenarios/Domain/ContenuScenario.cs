using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using FluentValidation;
using Mediator;
using Marten;

namespace Cpro.Scenarios.Domain;

/// <summary>What a teacher writes in a scenario, shared by its creation and its edition.</summary>
internal sealed record ContenuScenario(
    string Titre, bool CoIntervention, string? CoInterventionDiscipline, IReadOnlyList<Guid>? CoAuteurs,
    string? SituationProfessionnelle, string? ProblematiqueEtMissions, string? MaterielsEtLogiciels, IReadOnlyList<string>? Liens,
    string? EspacesDeFormation, IReadOnlyList<string>? Activites, IReadOnlyList<string>? Taches, IReadOnlyList<string>? Criteres,
    IReadOnlyList<string>? CompetencesTransversales)
{
    public const int TexteMax = 5000;

    /// <summary>Field rules, named as in the API, for a request holding a content.</summary>
    public static void Regles<T>(AbstractValidator<T> v, Func<T, ContenuScenario> contenu)
    {
        v.RuleFor(c => contenu(c).Titre).NotEmpty().WithMessage("Le titre est obligatoire.")
            .MaximumLength(200).WithMessage("Le titre ne doit pas dépasser 200 caractères.").OverridePropertyName("titre");
        v.RuleFor(c => contenu(c).CoInterventionDiscipline).NotEmpty().When(c => contenu(c).CoIntervention)
            .WithMessage("Indiquez la discipline de la co-intervention.").OverridePropertyName("coInterventionDiscipline");
        v.RuleFor(c => contenu(c).CoInterventionDiscipline).MaximumLength(100)
            .WithMessage("La discipline ne doit pas dépasser 100 caractères.").OverridePropertyName("coInterventionDiscipline");
        foreach (var (champ, nom, libelle) in new (Func<ContenuScenario, string?>, string, string)[]
                 {
                     (c => c.SituationProfessionnelle, "situationProfessionnelle", "La situation professionnelle"),
                     (c => c.ProblematiqueEtMissions, "problematiqueEtMissions", "La problématique et les missions"),
                     (c => c.MaterielsEtLogiciels, "materielsEtLogiciels", "Les matériels et logiciels"),
                     (c => c.EspacesDeFormation, "espacesDeFormation", "Les espaces de formation"),
                 })
        {
            v.RuleFor(c => champ(contenu(c))).MaximumLength(TexteMax).WithMessage($"{libelle} ne doit pas dépasser {TexteMax} caractères.")
                .OverridePropertyName(nom);
        }
        v.RuleFor(c => contenu(c).Liens)
            .Must(l => l is null || (l.Count <= 20 && l.All(x => !string.IsNullOrWhiteSpace(x) && x.Length <= 500)))
            .WithMessage("Vingt liens au plus, chacun non vide et de 500 caractères au plus.").OverridePropertyName("liens");
        v.RuleFor(c => contenu(c).CoAuteurs).Must(l => l is null || l.Count <= 20)
            .WithMessage("Vingt co-auteurs au plus.").OverridePropertyName("coAuteurs");
    }

    /// <summary>Checks every code against the référentiel and every co-author against the establishment's teachers;
    /// 422 naming the first unknown ones.</summary>
    public async Task VerifierAsync(ReferentielIndex index, IMediator mediator, Guid etablissementId, CancellationToken cancellationToken)
    {
        var inconnus = (Activites ?? []).Where(a => !index.Activites.Contains(a))
            .Concat((Taches ?? []).Where(t => !index.Taches.ContainsKey(t)))
            .Concat((Criteres ?? []).Where(c => !index.Criteres.ContainsKey(c)))
            .Concat((CompetencesTransversales ?? []).Where(c => !index.CompetencesCommunes.ContainsKey(c)))
            .ToList();
        if (inconnus.Count > 0)
        {
            throw new NonTraitableException($"Codes inconnus du référentiel « {index.Referentiel.Intitule} » : {string.Join(", ", inconnus.Take(10))}.");
        }
        if (CoAuteurs is { Count: > 0 })
        {
            var enseignants = (await mediator.Send(new ListerEnseignants(etablissementId), cancellationToken)).Select(e => e.UtilisateurId).ToHashSet();
            if (CoAuteurs.Any(c => !enseignants.Contains(c)))
            {
                throw new NonTraitableException("Les co-auteurs sont des enseignants de l'établissement.");
            }
        }
    }

    public void Appliquer(Scenario scenario, ReferentielIndex index)
    {
        scenario.Titre = Titre.Trim();
        scenario.CoIntervention = CoIntervention;
        scenario.CoInterventionDiscipline = CoIntervention ? CoInterventionDiscipline?.Trim() : null;
        scenario.CoAuteurs = [.. (CoAuteurs ?? []).Where(c => c != scenario.AuteurId).Distinct()];
        scenario.SituationProfessionnelle = Nettoyer(SituationProfessionnelle);
        scenario.ProblematiqueEtMissions = Nettoyer(ProblematiqueEtMissions);
        scenario.MaterielsEtLogiciels = Nettoyer(MaterielsEtLogiciels);
        scenario.Liens = [.. (Liens ?? []).Select(l => l.Trim())];
        scenario.EspacesDeFormation = Nettoyer(EspacesDeFormation);
        scenario.Activites = [.. (Activites ?? []).Distinct().OrderBy(index.Rang).ThenBy(c => c, StringComparer.Ordinal)];
        scenario.Taches = [.. (Taches ?? []).Distinct().Order(StringComparer.Ordinal)];
        scenario.Criteres = [.. (Criteres ?? []).Distinct().OrderBy(index.Rang)];
        scenario.CompetencesTransversales = [.. (CompetencesTransversales ?? []).Distinct().Order(StringComparer.Ordinal)];
    }

    private static string? Nettoyer(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();
}

/// <summary>A scenario as read: its sections, what derives from the référentiel, its resources, and what the reader may do.</summary>
internal sealed record ScenarioDto(
    Guid Id, string Referentiel, string NiveauClasse, string Titre, bool CoIntervention, string? CoInterventionDiscipline,
    Guid? AuteurId, string AuteurNom, IReadOnlyList<Guid> CoAuteurs,
    string? SituationProfessionnelle, string? ProblematiqueEtMissions, string? MaterielsEtLogiciels, IReadOnlyList<string> Liens,
    string? EspacesDeFormation, IReadOnlyList<string> Activites, IReadOnlyList<string> Taches, IReadOnlyList<string> Criteres,
    IReadOnlyList<string> Competences, IReadOnlyList<string> Blocs, IReadOnlyList<string> CompetencesTransversales,
    IReadOnlyList<RessourceDto> Ressources, string? Origine, bool Modifiable, DateTimeOffset CreeLe, DateTimeOffset ModifieLe, int Version)
{
    public static async Task<ScenarioDto> LireAsync(IQuerySession session, Scenario s, ReferentielIndex index, Guid? lecteur, CancellationToken cancellationToken) =>
        De(s, await Ressource.DuScenarioAsync(session, s.Id, cancellationToken), index, lecteur);

    /// <summary>With its resources given: those a command stores are read back only once it is saved.</summary>
    public static ScenarioDto De(Scenario s, IReadOnlyList<Ressource> ressources, ReferentielIndex index, Guid? lecteur)
    {
        var competences = index.CompetencesDerivees(s.Taches, s.Criteres);
        return new ScenarioDto(s.Id, s.Referentiel, s.NiveauClasse, s.Titre, s.CoIntervention, s.CoInterventionDiscipline, s.AuteurId, s.AuteurNom,
            s.CoAuteurs, s.SituationProfessionnelle, s.ProblematiqueEtMissions, s.MaterielsEtLogiciels, s.Liens, s.EspacesDeFormation, s.Activites,
            s.Taches, s.Criteres, competences, index.BlocsDerives(s.Activites, competences), s.CompetencesTransversales,
            [.. ressources.Select(r => new RessourceDto(r.Id, r.NomFichier, r.TypeContenu, r.Taille, r.AjouteLe, r.AjoutePar))], s.Origine,
            lecteur is { } id && s.Modifiable(id), s.CreeLe, s.ModifieLe, s.Version);
    }
}

internal sealed record RessourceDto(Guid Id, string NomFichier, string TypeContenu, long Taille, DateTimeOffset AjouteLe, string AjoutePar);
