using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Cpro.Periodes.Contracts;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;

namespace Cpro.Portfolio.Startup;

/// <summary>With CPRO_DEMO=true, demo.eleve's portfolio on the PFMP Periodes seeded (demo.tuteur her tutor, demo.enseignant
/// her referent): a fiche she submitted and her referent reviewed (two competences to evaluate), two journal entries,
/// the first commented by her tutor, and the bilan started (one competence positioned by the tutor). Periods are asked
/// of Periodes (Contracts). Written once; never touched again.</summary>
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
                PeriodeId = periode.Id, ApprenantId = lea.UtilisateurId, Titre = "Pose d'appareillages dans une cuisine rénovée",
                Debut = periode.Debut.AddDays(2), Contexte = "Appartement en rénovation, avec le chef d'équipe et un autre apprenti.",
                Realisation = "J'ai lu le plan, repéré les boîtes d'encastrement, tiré les câbles et posé quatre prises et deux interrupteurs.",
                Taches = [.. periode.Taches], Statut = StatutFiche.Soumise, SoumiseLe = maintenant, TachesRetenues = [.. periode.Taches],
                Items = ["C1", "C4"], RevueLe = maintenant, RevuePar = nomReferent, CreeLe = maintenant, ModifieLe = maintenant, ModifiePar = nomReferent,
                Version = 1,
            });
            var accueil = new EntreeJournal
            {
                PeriodeId = periode.Id, ApprenantId = lea.UtilisateurId, Date = periode.Debut, CreeLe = maintenant,
                Texte = "Accueil dans l'entreprise, visite du dépôt, consignes de sécurité et remise des EPI.",
            };
            documents.Insert(accueil,
                new EntreeJournal
                {
                    PeriodeId = periode.Id, ApprenantId = lea.UtilisateurId, Date = periode.Debut.AddDays(7), Semaine = true, Taches = [.. periode.Taches],
                    CreeLe = maintenant, Texte = "Semaine sur le chantier de la cuisine : préparation du dossier, câblage et pose des appareillages.",
                });
            documents.Insert(new CommentaireJournal
            {
                EntreeId = accueil.Id, PeriodeId = periode.Id, ApprenantId = lea.UtilisateurId, AuteurId = affectation.TuteurId!.Value, AuteurNom = nomTuteur,
                Qualite = "Tuteur", Texte = "Léa a été attentive aux consignes ; elle a posé de bonnes questions sur les habilitations.", Le = maintenant,
            });
            documents.Insert(new BilanEntreprise
            {
                PeriodeId = periode.Id, ApprenantId = lea.UtilisateurId, Selection = ["C1", "C4"], Niveaux = new() { ["C1"] = "3" },
                Commentaire = "Bonne intégration dans l'équipe.", ModifieLe = maintenant, ModifiePar = nomTuteur, Version = 1,
            });
        }, cancellationToken);
    }
}
