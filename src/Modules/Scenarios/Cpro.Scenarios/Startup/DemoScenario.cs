using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Cpro.Referentiels.Contracts;
using Cpro.Scenarios.Domain;
using Marten;
using Mediator;

namespace Cpro.Scenarios.Startup;

/// <summary>With CPRO_DEMO=true, demo.enseignant's scenario on Bac Pro MELEC and three grids of it, filled for the demo class:
/// what the README's demo shows. Written once; never touched again.</summary>
internal sealed class DemoScenario(IDocumentStore store, IMediator mediator, TimeProvider clock) : IStartupTask
{
    private const string Referentiel = "BACPRO-MELEC";
    private const string Titre = "Câbler et raccorder un tableau de distribution";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new ObtenirEtablissementDemo(), cancellationToken) is not { } demo)
        {
            return;
        }
        // No request, hence no unit of work: the task writes the demo establishment's documents with its own session.
        await using var session = store.LightweightSession(UnitOfWork.Tenant(demo.Id));
        if (await session.Query<Scenario>().AnyAsync(cancellationToken)
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
            AuteurId = enseignant.UtilisateurId, AuteurNom = auteur, Referentiel = Referentiel, NiveauClasse = "SECONDE",
            Titre = Titre, SituationProfessionnelle = "Une entreprise d'électricité rénove l'installation d'un appartement : l'équipe prépare puis câble le nouveau tableau.",
            ProblematiqueEtMissions = "Comment réaliser un tableau conforme, en sécurité et dans le temps imparti ?",
            MaterielsEtLogiciels = "Tableau pédagogique, appareillage modulaire, multimètre, outillage du monteur", EspacesDeFormation = "Atelier habitat",
            Activites = ["A1"], Taches = ["T1.1"],
            Criteres = [.. new[] { "C1.1", "C1.2", "C2.1", "C3.1" }.Where(index.Criteres.ContainsKey)],
            CompetencesTransversales = [.. index.CompetencesCommunes.Keys.Take(1)],
            CreeLe = maintenant, ModifieLe = maintenant, Version = 1,
        };
        session.Insert(scenario);
        var apprenants = await mediator.Send(new ListerApprenantsDesDivisions(demo.Id, ["2MELEC1"]), cancellationToken);
        if (apprenants.Count > 0)
        {
            var items = index.CompetencesDerivees(scenario.Taches, scenario.Criteres);
            var aujourdhui = DateOnly.FromDateTime(maintenant.UtcDateTime);
            // Three grids five weeks apart, each saved once (version 1), degrees rising from one to the next: the learners'
            // dashboards show how they moved. The same spread at every start of a new demo.
            for (var etape = 0; etape < 3; etape++)
            {
                var date = aujourdhui.AddDays(-7 - 35 * (2 - etape));
                var creeLe = maintenant.AddDays(-7 - 35 * (2 - etape));
                var cellules = apprenants.SelectMany((apprenant, rang) => items.Select((item, colonne) => new CelluleModifiee(apprenant.UtilisateurId, item, null, null,
                    (NiveauMaitrise)(short)Math.Max(1, 1 + (rang + 2 * colonne + 1) % 4 - (2 - etape)), null))).ToList();
                session.Events.StartStream<Evaluation>(Guid.NewGuid(),
                    new EvaluationCreee(scenario.Id, Titre, Referentiel, "SECONDE", date, enseignant.UtilisateurId, auteur, Evaluation.ModeCompetences, items,
                        [.. apprenants.Select(a => a.UtilisateurId)], creeLe),
                    new GrilleEnregistree(enseignant.UtilisateurId, auteur, creeLe, cellules));
            }
        }
        await session.SaveChangesAsync(cancellationToken);
    }
}
