using Cpro.Bilans.Domain;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Cpro.Periodes.Contracts;
using Marten;
using Mediator;

namespace Cpro.Bilans.Startup;

/// <summary>With CPRO_DEMO=true, the demo class's bilans: demo.eleve's (Léa) finalised by demo.enseignant on the trimester
/// before the current one (the current one early in the year), one competence adjusted and commented; and a draft on the
/// current trimester for another learner of 2MELEC1, so that the console shows a division part done. Evidence is asked of
/// Scenarios as a teacher's start would. Written once; never touched again.</summary>
internal sealed class DemoBilans(UnitOfWork unitOfWork, IMediator mediator, TimeProvider clock) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new ObtenirEtablissementDemo(), cancellationToken) is not { } demo
            || await mediator.Send(new ListerEnseignants(demo.Id), cancellationToken) is not [var enseignant, ..]
            || await mediator.Send(new ListerApprenantsDesDivisions(demo.Id, ["2MELEC1"]), cancellationToken) is not { Count: > 1 } apprenants
            || apprenants.FirstOrDefault(a => a.Nom == "Martin" && a.Prenom == "Léa") is not { } lea)
        {
            return;
        }
        var cursus = (await Cursus.ParDivisionAsync(mediator, demo.Id, cancellationToken))["2MELEC1"].FirstOrDefault();
        var maintenant = clock.GetUtcNow();
        var aujourdhui = Heure.Jour(maintenant);
        var commencees = cursus is null ? [] : (await mediator.Send(new ListerPeriodesOfficiellesEtablissement(demo.Id, Heure.AnneeScolaire(aujourdhui)),
            cancellationToken)).Where(p => cursus.Suit(p) && p.Debut <= aujourdhui).ToList();
        if (cursus is null || commencees.Count == 0)
        {
            return;
        }
        var courante = commencees[^1];
        var precedente = commencees.Count > 1 ? commencees[^2] : courante;
        var autre = apprenants.First(a => a.UtilisateurId != lea.UtilisateurId);
        var nom = $"{enseignant.Prenom} {enseignant.Nom}";
        await unitOfWork.InTransactionAsync(async session =>
        {
            var documents = session.PourEtablissement(demo.Id);
            if (await documents.Query<Bilan>().AnyAsync(cancellationToken))
            {
                return;
            }
            Bilan Nouveau(ApprenantEtablissement a, PeriodeOfficielleEtablissement p) => new()
            {
                Cle = Bilan.CleDe(a.UtilisateurId, p.Id, cursus.Referentiel), ApprenantId = a.UtilisateurId, Division = a.Division,
                Referentiel = cursus.Referentiel, ReferentielIntitule = cursus.Intitule, NiveauClasse = cursus.NiveauClasse, Type = Bilan.Intermediaire,
                PeriodeId = p.Id, PeriodeLibelle = p.Libelle, Debut = p.Debut, Fin = p.Fin, AnneeScolaire = p.AnneeScolaire, CreeLe = maintenant, CreePar = nom,
                ModifieLe = maintenant, ModifiePar = nom, Version = 1,
            };
            var finalise = Nouveau(lea, precedente);
            await Preuves.ActualiserAsync(mediator, demo.Id, finalise, cancellationToken);
            if (finalise.Competences.FirstOrDefault(c => c.NiveauCalcule is not null) is { } ajustee)
            {
                ajustee.Niveau = ajustee.NiveauCalcule == "4" ? "3" : "4";
                ajustee.Commentaire = "Travail soigné et autonome lors du câblage du tableau : niveau relevé au vu de la PFMP.";
            }
            finalise.Appreciation = "Léa progresse avec régularité ; elle doit encore gagner en rigueur dans la rédaction des comptes rendus.";
            finalise.FinaliseLe = maintenant;
            finalise.FinalisePar = nom;
            finalise.Historique.Add(new EtapeBilan { Action = "Finalisé", Par = nom, Le = maintenant });
            var brouillon = Nouveau(autre, courante);
            await Preuves.ActualiserAsync(mediator, demo.Id, brouillon, cancellationToken);
            brouillon.Appreciation = "Bilan en cours de rédaction.";
            documents.Insert(finalise, brouillon);
        }, cancellationToken);
    }
}
