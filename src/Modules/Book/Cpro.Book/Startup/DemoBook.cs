using Cpro.Book.Domain;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Cpro.Periodes.Contracts;
using Cpro.Portfolio.Contracts;
using Cpro.Scenarios.Contracts;
using Marten;
using Mediator;
using SkiaSharp;

namespace Cpro.Book.Startup;

/// <summary>With CPRO_DEMO=true, the book is on in the demo establishment, and demo.eleve (Léa Martin) has three réussites:
/// one from her PFMP fiche activité (Portfolio), with a photo and a comment of her teacher; one from an evaluation she was
/// positioned in (Scenarios), with the level reached; one from nothing, at the workshop. Sources are asked through
/// Contracts. Written once; never touched again.</summary>
internal sealed class DemoBook(UnitOfWork unitOfWork, IMediator mediator, TimeProvider clock) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new ObtenirEtablissementDemo(), cancellationToken) is not { } demo
            || (await mediator.Send(new ListerApprenantsDesDivisions(demo.Id, ["2MELEC1"]), cancellationToken))
                .FirstOrDefault(a => a.Nom == "Martin" && a.Prenom == "Léa") is not { } lea)
        {
            return;
        }
        var fiche = await mediator.Send(new ListerFichesActivitesApprenant(demo.Id, lea.UtilisateurId), cancellationToken) is [var premiere, ..] ? premiere : null;
        var evaluation = (await mediator.Send(new ListerEvaluationsApprenant(demo.Id, lea.UtilisateurId), cancellationToken)).FirstOrDefault(e => !e.EnEntreprise);
        var diplome = await Diplome.DeAsync(mediator, demo.Id, lea.Division, cancellationToken);
        // Her referent on the PFMP (demo.enseignant) comments the page made from its fiche.
        var referent = (await mediator.Send(new ListerPeriodesEntrepriseSuivies(demo.Id, lea.UtilisateurId, false), cancellationToken))
            .SelectMany(p => p.Referents).FirstOrDefault();
        var enseignant = (await mediator.Send(new ListerEnseignants(demo.Id), cancellationToken)).FirstOrDefault(e => e.UtilisateurId == referent);
        await unitOfWork.InTransactionAsync(async session =>
        {
            var documents = session.PourEtablissement(demo.Id);
            if (await documents.LoadAsync<ActivationBook>(ActivationBook.Cle, cancellationToken) is not null)
            {
                return;
            }
            var maintenant = clock.GetUtcNow();
            documents.Store(new ActivationBook { Actif = true, ModifieLe = maintenant, ModifiePar = "Démonstration" });
            Reussite Nouvelle(OrigineReussite origine, Guid? source, string? sourceTitre) => new()
            {
                EtablissementId = demo.Id, ApprenantId = lea.UtilisateurId, Origine = origine, SourceId = source, SourceTitre = sourceTitre, Referentiel = diplome.Code,
                Titre = "", CreeLe = maintenant, ModifieLe = maintenant, Version = 1,
            };
            List<CompetenceReussite> Competences(params string[] codes) =>
                [.. diplome.Competences.Where(c => codes.Contains(c.Code)).Select(c => new CompetenceReussite { Code = c.Code })];
            var reussites = new List<Reussite>();
            if (fiche is not null)
            {
                var pfmp = Nouvelle(OrigineReussite.FicheActivite, fiche.Id, fiche.Titre);
                pfmp.Titre = "Ma première cuisine équipée de A à Z";
                pfmp.Lieu = LieuReussite.Entreprise;
                pfmp.Contexte = fiche.Entreprise;
                pfmp.Date = fiche.Debut;
                pfmp.CeQueJaiFait = fiche.Realisation;
                pfmp.CeQueJaiAppris = "Lire un plan avant de percer, et toujours vérifier l'absence de tension avant de raccorder. Le client était content du résultat.";
                pfmp.Competences = Competences("C1", "C4");
                reussites.Add(pfmp);
                var octets = Photo();
                var photo = new MediaReussite
                {
                    ReussiteId = pfmp.Id, ApprenantId = lea.UtilisateurId, NomFichier = "tableau.jpg", TypeContenu = "image/jpeg", Photo = true, AjouteLe = maintenant,
                    Taille = octets.Length,
                };
                documents.Insert(photo);
                documents.Insert(new ContenuMedia { Id = photo.Id, Contenu = octets });
                if (enseignant is not null)
                {
                    documents.Insert(new CommentaireReussite
                    {
                        ReussiteId = pfmp.Id, ApprenantId = lea.UtilisateurId, AuteurId = enseignant.UtilisateurId, AuteurNom = $"{enseignant.Prenom} {enseignant.Nom}",
                        Texte = "Très belle page, Léa : ton récit montre bien la démarche. Pense à citer la norme NF C 15-100.", Le = maintenant,
                    });
                }
            }
            if (evaluation is not null)
            {
                var grille = Nouvelle(OrigineReussite.Evaluation, evaluation.Id, evaluation.Titre);
                grille.Titre = evaluation.Titre;
                grille.Lieu = LieuReussite.CentreFormation;
                grille.Contexte = "Atelier habitat du lycée";
                grille.Date = evaluation.Date;
                grille.CeQueJaiFait = "J'ai câblé et raccordé le tableau de distribution du plateau technique en suivant le schéma.";
                grille.CeQueJaiAppris = "Repérer chaque circuit avant de câbler fait gagner du temps au contrôle.";
                grille.Competences = [.. evaluation.Niveaux.Where(n => diplome.Competences.Any(c => c.Code == n.Competence))
                    .Select(n => new CompetenceReussite { Code = n.Competence, Niveau = n.Niveau, NiveauLibelle = n.Libelle })];
                reussites.Add(grille);
            }
            var libre = Nouvelle(OrigineReussite.Libre, null, null);
            libre.Titre = "Le tableau de mon stand aux portes ouvertes";
            libre.Lieu = LieuReussite.CentreFormation;
            libre.Contexte = "Journée portes ouvertes du lycée";
            libre.Date = DateOnly.FromDateTime(maintenant.UtcDateTime).AddDays(-20);
            libre.CeQueJaiFait = "J'ai présenté aux familles le tableau que j'avais câblé et expliqué le rôle de chaque protection.";
            libre.CeQueJaiAppris = "Expliquer simplement ce que je fais, à des personnes qui ne sont pas du métier.";
            libre.Competences = Competences("C1");
            reussites.Add(libre);
            foreach (var reussite in reussites)
            {
                documents.Insert(reussite);
            }
            documents.Store(new OrdreBook { Id = lea.UtilisateurId, Reussites = [.. reussites.Select(r => r.Id)] });
        }, cancellationToken);
    }

    /// <summary>A believable picture (a switchboard's rows of breakers) drawn here, since the repository ships no photo.</summary>
    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(960, 640);
        using (var canevas = new SKCanvas(bitmap))
        {
            canevas.Clear(new SKColor(0xEE, 0xEE, 0xE8));
            using var coffret = new SKPaint { Color = new SKColor(0xF8, 0xF8, 0xF8) };
            using var trait = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), Style = SKPaintStyle.Stroke, StrokeWidth = 4 };
            using var disjoncteur = new SKPaint { Color = new SKColor(0x2B, 0x5F, 0x9E) };
            canevas.DrawRect(180, 60, 600, 520, coffret);
            canevas.DrawRect(180, 60, 600, 520, trait);
            for (var rangee = 0; rangee < 3; rangee++)
            {
                for (var module = 0; module < 10; module++)
                {
                    canevas.DrawRect(220 + module * 52, 110 + rangee * 160, 40, 100, disjoncteur);
                }
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var donnees = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return donnees.ToArray();
    }
}
