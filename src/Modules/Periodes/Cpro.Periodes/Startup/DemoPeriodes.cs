using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Cpro.Periodes.Domain;
using Marten;
using Mediator;

namespace Cpro.Periodes.Startup;

/// <summary>With CPRO_DEMO=true, the demo class's year: trimesters and two PFMP slots (the first under way), an annex by demo.enseignant, and the
/// first PFMP declared from it, where demo.eleve is placed in a company with demo.tuteur as her tutor (his account reused
/// by its email, as a real declaration does); and a période employeur of the apprentices' class, where demo.apprenti works
/// with demo.maitre as his maître d'apprentissage (added to a demo made before it). Written once; never touched again.</summary>
internal sealed class DemoPeriodes(UnitOfWork unitOfWork, IMediator mediator, TimeProvider clock) : IStartupTask
{
    private const string Referentiel = "BACPRO-MELEC";
    private const string Niveau = "SECONDE";
    private const string EmailTuteur = "eric.tuteur@example.org";
    private const string EmailMaitre = "marc.maitre@example.org";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new ObtenirEtablissementDemo(), cancellationToken) is not { } demo
            || await mediator.Send(new ListerEnseignants(demo.Id), cancellationToken) is not [var enseignant, ..]
            || await mediator.Send(new ListerApprenantsDesDivisions(demo.Id, ["2MELEC1"]), cancellationToken) is not { Count: > 0 } apprenants)
        {
            return;
        }
        await unitOfWork.InTransactionAsync(async session =>
        {
            var documents = session.PourEtablissement(demo.Id);
            if (await documents.Query<PeriodeOfficielle>().AnyAsync(cancellationToken))
            {
                return;
            }
            var maintenant = clock.GetUtcNow();
            var annee = AnneeScolaire.Courante(clock);
            const string Auteur = "Démonstration";
            PeriodeOfficielle Periode(TypePeriodeOfficielle type, string libelle, DateOnly debut, DateOnly fin) => new()
            {
                Referentiel = Referentiel, NiveauClasse = Niveau, AnneeScolaire = annee, Type = type, Libelle = libelle,
                Debut = debut, Fin = fin, ModifieLe = maintenant, ModifiePar = Auteur,
            };
            // The first PFMP is under way whatever the day the demo is made: its second week, so the portfolio has entries.
            var aujourdhui = DateOnly.FromDateTime(maintenant.UtcDateTime);
            var lundi = aujourdhui.AddDays(-(((int)aujourdhui.DayOfWeek + 6) % 7) - 7);
            var pfmp1 = Periode(TypePeriodeOfficielle.Pfmp, "PFMP 1", lundi, lundi.AddDays(25));
            var (debut2, fin2) = (new DateOnly(annee + 1, 5, 18), new DateOnly(annee + 1, 6, 12));
            if (debut2 <= pfmp1.Fin && pfmp1.Debut <= fin2)
            {
                (debut2, fin2) = (new DateOnly(annee, 11, 16), new DateOnly(annee, 12, 11));
            }
            documents.Store(
                Periode(TypePeriodeOfficielle.Trimestre, "Trimestre 1", new DateOnly(annee, 9, 1), new DateOnly(annee, 11, 30)),
                Periode(TypePeriodeOfficielle.Trimestre, "Trimestre 2", new DateOnly(annee, 12, 1), new DateOnly(annee + 1, 3, 15)),
                Periode(TypePeriodeOfficielle.Trimestre, "Trimestre 3", new DateOnly(annee + 1, 3, 16), new DateOnly(annee + 1, 7, 4)),
                pfmp1,
                Periode(TypePeriodeOfficielle.Pfmp, "PFMP 2", debut2, fin2));

            var nomEnseignant = $"{enseignant.Prenom} {enseignant.Nom}";
            var annexe = new AnnexePedagogique
            {
                Referentiel = Referentiel, NiveauClasse = Niveau, Titre = "Découverte du chantier résidentiel",
                Objectifs = "Observer l'organisation d'un chantier, participer à la pose d'appareillages et au câblage d'un tableau sous la conduite du tuteur.",
                Activites = ["A1"], Taches = ["T1.1"], AuteurId = enseignant.UtilisateurId, AuteurNom = nomEnseignant,
                CreeLe = maintenant, ModifieLe = maintenant, Version = 1,
            };
            documents.Insert(annexe);
            var periode = new PeriodeEntreprise
            {
                AnnexeId = annexe.Id, Type = TypePeriodeEntreprise.Pfmp, Referentiel = Referentiel, NiveauClasse = Niveau,
                Titre = $"{pfmp1.Libelle} — {annexe.Titre}", Debut = pfmp1.Debut, Fin = pfmp1.Fin, Objectifs = annexe.Objectifs,
                Activites = annexe.Activites, Taches = annexe.Taches, Referents = [enseignant.UtilisateurId],
                CreeLe = maintenant, CreePar = Auteur, Version = 1,
            };
            documents.Insert(periode);
            // The first learner of the class (demo.eleve, Léa Martin) has her company and tutor entered; the others wait.
            var lea = apprenants.FirstOrDefault(a => a.Nom == "Martin" && a.Prenom == "Léa") ?? apprenants[0];
            var tuteur = await mediator.Send(new CreerOuReutiliserCompteEntreprise(demo.Id, false, "Tuteur", "Éric", EmailTuteur,
                $"{lea.Prenom} {lea.Nom}", periode.Titre, periode.Debut, periode.Fin), cancellationToken);
            foreach (var apprenant in apprenants.Where(a => a != lea))
            {
                documents.Insert(new AffectationEntreprise { PeriodeId = periode.Id, ApprenantId = apprenant.UtilisateurId });
            }
            documents.Insert(new AffectationEntreprise
            {
                PeriodeId = periode.Id, ApprenantId = lea.UtilisateurId,
                EntrepriseNom = "Élec Services Paris", EntrepriseSiret = "73282932000074", EntrepriseAdresse = "12 rue des Artisans, 75011 Paris",
                TuteurId = tuteur.UtilisateurId, TuteurNom = "Tuteur", TuteurPrenom = "Éric", TuteurEmail = EmailTuteur,
                TuteurTelephone = "01 23 45 67 89", ModifieLe = maintenant,
            });
        }, cancellationToken);
        await PeriodeEmployeurAsync(demo.Id, enseignant, cancellationToken);
    }

    /// <summary>demo.apprenti's période employeur, under way like the first PFMP, from an annex for apprentices.</summary>
    private async Task PeriodeEmployeurAsync(Guid demo, EnseignantEtablissement enseignant, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new ListerApprenantsDesDivisions(demo, ["2MELEC1A"]), cancellationToken) is not [var apprenti, ..])
        {
            return;
        }
        await unitOfWork.InTransactionAsync(async session =>
        {
            var documents = session.PourEtablissement(demo);
            if (await documents.Query<PeriodeEntreprise>().AnyAsync(p => p.Type == TypePeriodeEntreprise.PeriodeEmployeur, cancellationToken))
            {
                return;
            }
            var maintenant = clock.GetUtcNow();
            var aujourdhui = DateOnly.FromDateTime(maintenant.UtcDateTime);
            var lundi = aujourdhui.AddDays(-(((int)aujourdhui.DayOfWeek + 6) % 7) - 7);
            var annexe = new AnnexePedagogique
            {
                Referentiel = Referentiel, NiveauClasse = Niveau, Titre = "Installations électriques chez l'employeur", PourApprentis = true,
                Objectifs = "Réaliser, sous la conduite du maître d'apprentissage, le câblage et la mise en service d'installations résidentielles.",
                Activites = ["A1"], Taches = ["T1.1"], AuteurId = enseignant.UtilisateurId, AuteurNom = $"{enseignant.Prenom} {enseignant.Nom}",
                CreeLe = maintenant, ModifieLe = maintenant, Version = 1,
            };
            documents.Insert(annexe);
            var periode = new PeriodeEntreprise
            {
                AnnexeId = annexe.Id, Type = TypePeriodeEntreprise.PeriodeEmployeur, Referentiel = Referentiel, NiveauClasse = Niveau,
                Titre = $"Période employeur 1 — {annexe.Titre}", Debut = lundi, Fin = lundi.AddDays(25), Objectifs = annexe.Objectifs,
                Activites = annexe.Activites, Taches = annexe.Taches, Referents = [enseignant.UtilisateurId],
                CreeLe = maintenant, CreePar = "Démonstration", Version = 1,
            };
            documents.Insert(periode);
            var maitre = await mediator.Send(new CreerOuReutiliserCompteEntreprise(demo, true, "Maître", "Marc", EmailMaitre,
                $"{apprenti.Prenom} {apprenti.Nom}", periode.Titre, periode.Debut, periode.Fin), cancellationToken);
            documents.Insert(new AffectationEntreprise
            {
                PeriodeId = periode.Id, ApprenantId = apprenti.UtilisateurId,
                EntrepriseNom = "Girard Électricité", EntrepriseSiret = "73282932000074", EntrepriseAdresse = "8 avenue Ampère, 75012 Paris",
                TuteurId = maitre.UtilisateurId, TuteurNom = "Maître", TuteurPrenom = "Marc", TuteurEmail = EmailMaitre,
                TuteurTelephone = "01 98 76 54 32", ModifieLe = maintenant,
            });
        }, cancellationToken);
    }
}
