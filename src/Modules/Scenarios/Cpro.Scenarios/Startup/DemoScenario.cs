using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Modules;
using Cpro.Referentiels.Contracts;
using Cpro.Scenarios.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Scenarios.Startup;

/// <summary>With CPRO_DEMO=true, demo.enseignant's scenario on Bac Pro MELEC and its grid, filled for the demo class:
/// what the README's demo shows. Written once; never touched again.</summary>
internal sealed class DemoScenario(ScenariosDbContext db, IMediator mediator, TimeProvider clock) : IStartupTask
{
    private const string Referentiel = "BACPRO-MELEC";
    private const string Titre = "Câbler et raccorder un tableau de distribution";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new ObtenirEtablissementDemo(), cancellationToken) is not { } demo
            || await db.Scenarios.IgnoreQueryFilters().AnyAsync(s => s.EtablissementId == demo.Id, cancellationToken)
            || await mediator.Send(new ListerEnseignants(demo.Id), cancellationToken) is not [var enseignant, ..]
            || await mediator.Send(new ObtenirReferentiel(Referentiel), cancellationToken) is not { } referentiel)
        {
            return;
        }
        var index = new ReferentielIndex(referentiel);
        var maintenant = clock.GetUtcNow();
        var auteur = $"{enseignant.Prenom} {enseignant.Nom}";
        var scenario = new Scenario
        {
            EtablissementId = demo.Id, AuteurId = enseignant.UtilisateurId, AuteurNom = auteur, Referentiel = Referentiel, NiveauClasse = "SECONDE",
            Titre = Titre, SituationProfessionnelle = "Une entreprise d'électricité rénove l'installation d'un appartement : l'équipe prépare puis câble le nouveau tableau.",
            ProblematiqueEtMissions = "Comment réaliser un tableau conforme, en sécurité et dans le temps imparti ?",
            MaterielsEtLogiciels = "Tableau pédagogique, appareillage modulaire, multimètre, outillage du monteur", EspacesDeFormation = "Atelier habitat",
            Activites = ["A1"], Taches = ["T1.1"],
            Criteres = [.. new[] { "C1.1", "C1.2", "C2.1", "C3.1" }.Where(index.Criteres.ContainsKey)],
            CompetencesTransversales = [.. index.CompetencesCommunes.Keys.Take(1)],
            CreeLe = maintenant, ModifieLe = maintenant,
        };
        db.Scenarios.Add(scenario);
        var apprenants = await mediator.Send(new ListerApprenantsDesDivisions(demo.Id, ["2MELEC1"]), cancellationToken);
        if (apprenants.Count > 0)
        {
            var items = index.CompetencesDerivees(scenario.Taches, scenario.Criteres);
            var date = DateOnly.FromDateTime(maintenant.UtcDateTime).AddDays(-7);
            var evaluation = new Evaluation
            {
                EtablissementId = demo.Id, ScenarioId = scenario.Id, Titre = Titre, Referentiel = Referentiel, NiveauClasse = "SECONDE", Date = date,
                EnseignantId = enseignant.UtilisateurId, EnseignantNom = auteur, Mode = Evaluation.ModeCompetences, Items = items,
                Apprenants = [.. apprenants.Select(a => a.UtilisateurId)], CreeLe = maintenant, VersionGrille = 1,
            };
            db.Evaluations.Add(evaluation);
            // A plausible spread of degrees, the same at every start of a new demo.
            foreach (var (apprenant, rang) in apprenants.Select((a, i) => (a, i)))
            {
                foreach (var (item, colonne) in items.Select((c, j) => (c, j)))
                {
                    db.Positionnements.Add(new Positionnement
                    {
                        EtablissementId = demo.Id, EvaluationId = evaluation.Id, ApprenantId = apprenant.UtilisateurId, Item = item, Competence = item,
                        Niveau = (NiveauMaitrise)(short)(1 + (rang + 2 * colonne + 1) % 4), Date = date, VersionGrille = 1, ModifieLe = maintenant, ModifiePar = auteur,
                    });
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
