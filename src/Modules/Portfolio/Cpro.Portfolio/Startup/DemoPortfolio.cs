using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Cpro.Periodes.Contracts;
using Cpro.Scenarios.Contracts;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;

namespace Cpro.Portfolio.Startup;

/// <summary>With CPRO_DEMO=true, demo.eleve's portfolio on the PFMP Periodes seeded (demo.tuteur her tutor, demo.enseignant
/// her referent): a fiche she submitted and her referent reviewed (two competences to evaluate), two journal entries,
/// the first commented by her tutor, and the bilan started (one competence positioned by the tutor). And demo.apprenti's on
/// his période employeur (demo.maitre his maître d'apprentissage), so that his livret d'apprentissage has content: a
/// reviewed fiche, a journal entry commented by his maître, and the bilan finalised, its positionings in his dashboard.
/// Periods are asked of Periodes (Contracts). Written once; never touched again.</summary>
internal sealed class DemoPortfolio(UnitOfWork unitOfWork, IMediator mediator, TimeProvider clock) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new ObtenirEtablissementDemo(), cancellationToken) is not { } demo
            || (await mediator.Send(new ListerApprenantsDesDivisions(demo.Id, ["2MELEC1"]), cancellationToken))
                .FirstOrDefault(a => a.Nom == "Martin" && a.Prenom == "Léa") is not { } lea
            || (await mediator.Send(new ListerPeriodesEntrepriseSuivies(demo.Id, lea.UtilisateurId, false), cancellationToken))
                .FirstOrDefault(p => p.Apprenants.Any(a => a.TuteurId is not null) && p.Referents.Count > 0) is not { } periode)
        {
            return;
        }
        var enseignants = await mediator.Send(new ListerEnseignants(demo.Id), cancellationToken);
        var referent = enseignants.FirstOrDefault(e => e.UtilisateurId == periode.Referents[0]);
        var affectation = periode.Apprenants[0];
        var nomTuteur = $"{affectation.TuteurPrenom} {affectation.TuteurNom}";
        var nomReferent = referent is null ? "Professeur référent" : $"{referent.Prenom} {referent.Nom}";
        await unitOfWork.InTransactionAsync(async session =>
        {
            var documents = session.PourEtablissement(demo.Id);
            if (await documents.Query<FicheActivite>().AnyAsync(cancellationToken))
            {
                return;
            }
            var maintenant = clock.GetUtcNow();
            documents.Insert(new FicheActivite
            {
                Id = Guid.NewGuid(),
                PeriodeId = periode.Id, ApprenantId = lea.UtilisateurId, Titre = "Pose d'appareillages dans une cuisine rénovée",
                Debut = periode.Debut.AddDays(2), Contexte = "Appartement en rénovation, avec le chef d'équipe et un autre apprenti.",
                Realisation = "J'ai lu le plan, repéré les boîtes d'encastrement, tiré les câbles et posé quatre prises et deux interrupteurs.",
                Taches = [.. periode.Taches], Statut = StatutFiche.Soumise, SoumiseLe = maintenant, TachesRetenues = [.. periode.Taches],
                Items = ["C1", "C4"], RevueLe = maintenant, RevuePar = nomReferent, CreeLe = maintenant, ModifieLe = maintenant, ModifiePar = nomReferent,
                Version = 1,
            });
            var accueil = new EntreeJournal
            {
                Id = Guid.NewGuid(),
                PeriodeId = periode.Id, ApprenantId = lea.UtilisateurId, Date = periode.Debut, CreeLe = maintenant,
                Texte = "Accueil dans l'entreprise, visite du dépôt, consignes de sécurité et remise des EPI.",
            };
            documents.Insert(accueil,
                new EntreeJournal
                {
                    Id = Guid.NewGuid(),
                    PeriodeId = periode.Id, ApprenantId = lea.UtilisateurId, Date = periode.Debut.AddDays(7), Semaine = true, Taches = [.. periode.Taches],
                    CreeLe = maintenant, Texte = "Semaine sur le chantier de la cuisine : préparation du dossier, câblage et pose des appareillages.",
                });
            documents.Insert(new CommentaireJournal
            {
                Id = Guid.NewGuid(),
                EntreeId = accueil.Id, PeriodeId = periode.Id, ApprenantId = lea.UtilisateurId, AuteurId = affectation.TuteurId!.Value, AuteurNom = nomTuteur,
                Qualite = "Tuteur", Texte = "Léa a été attentive aux consignes ; elle a posé de bonnes questions sur les habilitations.", Le = maintenant,
            });
            documents.Insert(new BilanEntreprise
            {
                PeriodeId = periode.Id, ApprenantId = lea.UtilisateurId, Selection = ["C1", "C4"], Niveaux = new() { ["C1"] = "3" },
                Commentaire = "Bonne intégration dans l'équipe.", ModifieLe = maintenant, ModifiePar = nomTuteur, Version = 1,
            });
        }, cancellationToken);
        await ApprentiAsync(demo.Id, nomReferent, cancellationToken);
    }

    private async Task ApprentiAsync(Guid demo, string nomReferent, CancellationToken cancellationToken)
    {
        if ((await mediator.Send(new ListerApprenantsDesDivisions(demo, ["2MELEC1A"]), cancellationToken)) is not [var apprenti, ..]
            || (await mediator.Send(new ListerPeriodesEntrepriseSuivies(demo, apprenti.UtilisateurId, false), cancellationToken))
                .FirstOrDefault(p => p.Type == "periodeEmployeur" && p.Apprenants.Any(a => a.TuteurId is not null) && p.Referents.Count > 0) is not { } periode)
        {
            return;
        }
        var affectation = periode.Apprenants.First(a => a.ApprenantId == apprenti.UtilisateurId);
        var nomMaitre = $"{affectation.TuteurPrenom} {affectation.TuteurNom}";
        await unitOfWork.InTransactionAsync(async session =>
        {
            var documents = session.PourEtablissement(demo);
            if (await documents.Query<FicheActivite>().AnyAsync(f => f.ApprenantId == apprenti.UtilisateurId, cancellationToken))
            {
                return;
            }
            var maintenant = clock.GetUtcNow();
            documents.Insert(new FicheActivite
            {
                Id = Guid.NewGuid(),
                PeriodeId = periode.Id, ApprenantId = apprenti.UtilisateurId, Titre = "Mise en service d'un tableau de distribution",
                Debut = periode.Debut.AddDays(3), Contexte = "Maison individuelle neuve, avec mon maître d'apprentissage.",
                Realisation = "J'ai raccordé les circuits au tableau, vérifié les serrages, contrôlé les différentiels et étiqueté chaque départ.",
                Taches = [.. periode.Taches], Statut = StatutFiche.Soumise, SoumiseLe = maintenant, TachesRetenues = [.. periode.Taches],
                Items = ["C1", "C4"], RevueLe = maintenant, RevuePar = nomReferent, CreeLe = maintenant, ModifieLe = maintenant, ModifiePar = nomReferent,
                Version = 1,
            });
            var entree = new EntreeJournal
            {
                Id = Guid.NewGuid(),
                PeriodeId = periode.Id, ApprenantId = apprenti.UtilisateurId, Date = periode.Debut, Semaine = true, Taches = [.. periode.Taches], CreeLe = maintenant,
                Texte = "Semaine de retour chez l'employeur : préparation du matériel, câblage du tableau et mise en service avec mon maître d'apprentissage.",
            };
            documents.Insert(entree);
            documents.Insert(new CommentaireJournal
            {
                Id = Guid.NewGuid(),
                EntreeId = entree.Id, PeriodeId = periode.Id, ApprenantId = apprenti.UtilisateurId, AuteurId = affectation.TuteurId!.Value, AuteurNom = nomMaitre,
                Qualite = "Maître d'apprentissage", Texte = "Travail soigné ; Nathan vérifie désormais ses serrages sans qu'on le lui rappelle.", Le = maintenant,
            });
            var bilan = new BilanEntreprise
            {
                PeriodeId = periode.Id, ApprenantId = apprenti.UtilisateurId, Selection = ["C1", "C4"], Niveaux = new() { ["C1"] = "3", ["C4"] = "2" },
                Commentaire = "Autonome sur le câblage ; la mise en service demande encore un accompagnement.", FinaliseLe = maintenant, FinalisePar = nomReferent,
                Historique = [new EtapeBilan { Action = "Finalisé", Par = nomReferent, Le = maintenant }], ModifieLe = maintenant, ModifiePar = nomReferent,
                Version = 1,
            };
            documents.Insert(bilan);
            // Finalised as FinaliserBilan does: its positionings join the apprentice's dashboard « en entreprise », in this transaction.
            await mediator.Send(new EnregistrerBilanEntreprise(demo, bilan.Id, apprenti.UtilisateurId, $"Bilan en entreprise — {periode.Titre}", periode.Referentiel,
                periode.NiveauClasse, DateOnly.FromDateTime(maintenant.UtcDateTime), periode.Referents[0], nomReferent, bilan.Mode,
                [new PositionnementEntreprise("C1", "3", null), new PositionnementEntreprise("C4", "2", null)]), cancellationToken);
        }, cancellationToken);
    }
}
