using Cpro.Kernel.Fichiers;
using Marten;

namespace Cpro.Scenarios.Domain;

/// <summary>Copies a scenario with its resources, in the same establishment (duplicate) or into another (share).</summary>
internal static class Copie
{
    /// <summary>Stores the copy and its resources with <paramref name="cible"/>, the documents of the establishment
    /// receiving them (the user's own for a duplicate), within that establishment's space; the source is read in the user's establishment. The copy is only
    /// saved with the command, so its resources are returned rather than read back.</summary>
    public static async Task<(Scenario Copie, IReadOnlyList<Ressource> Ressources)> CopierAsync(IDocumentSession session, EspaceFichiers espace,
        IDocumentOperations cible, Guid cibleId, Scenario source, Guid? auteurId, string auteurNom, string titre, string origine,
        DateTimeOffset maintenant, CancellationToken cancellationToken)
    {
        var copie = new Scenario
        {
            AuteurId = auteurId,
            AuteurNom = auteurNom,
            Referentiel = source.Referentiel,
            NiveauClasse = source.NiveauClasse,
            Titre = titre,
            CoIntervention = source.CoIntervention,
            CoInterventionDiscipline = source.CoInterventionDiscipline,
            SituationProfessionnelle = source.SituationProfessionnelle,
            ProblematiqueEtMissions = source.ProblematiqueEtMissions,
            MaterielsEtLogiciels = source.MaterielsEtLogiciels,
            Liens = [.. source.Liens],
            EspacesDeFormation = source.EspacesDeFormation,
            Activites = [.. source.Activites],
            Taches = [.. source.Taches],
            Criteres = [.. source.Criteres],
            CompetencesTransversales = [.. source.CompetencesTransversales],
            Origine = origine,
            CreeLe = maintenant,
            ModifieLe = maintenant,
            Version = 1,
        };
        var ressources = await Ressource.DuScenarioAsync(session, source.Id, cancellationToken);
        await espace.VerifierAsync(cible, cibleId, ressources.Sum(r => r.Taille), cancellationToken);
        var contenus = (await session.LoadManyAsync<ContenuRessource>(cancellationToken, ressources.Select(r => r.Id)))
            .ToDictionary(c => c.Id);
        cible.Insert(copie);
        var copiees = new List<Ressource>();
        foreach (var ressource in ressources)
        {
            var nouvelle = new Ressource
            {
                ScenarioId = copie.Id, NomFichier = ressource.NomFichier, TypeContenu = ressource.TypeContenu, Taille = ressource.Taille,
                AjouteLe = maintenant, AjoutePar = auteurNom,
            };
            cible.Insert(nouvelle);
            cible.Insert(new ContenuRessource { Id = nouvelle.Id, Contenu = contenus[ressource.Id].Contenu });
            copiees.Add(nouvelle);
        }
        return (copie, copiees);
    }
}
