using Cpro.Kernel.Errors;
using Cpro.Kernel.Persistence;
using Marten;
using Microsoft.Extensions.Configuration;

namespace Cpro.Scenarios.Domain;

/// <summary>Copies a scenario with its resources, in the same establishment (duplicate) or into another (share).</summary>
internal static class Copie
{
    /// <summary>Space for resources per establishment: CPRO_QUOTA_RESSOURCES_MO megabytes (500 by default).</summary>
    public static long Quota(IConfiguration configuration) => configuration.GetValue("CPRO_QUOTA_RESSOURCES_MO", 500L) * 1024 * 1024;

    /// <summary>422 when adding these bytes would exceed the establishment's quota. <paramref name="documents"/> are that
    /// establishment's. First takes the establishment's resources lock (PostgreSQL advisory lock held until the command's
    /// transaction ends): otherwise two uploads, duplicates or shares at once would each pass the check before the other's
    /// bytes are saved. Every path adding bytes comes through here, and only for the establishment receiving them: a command
    /// holds one such lock, so two copies in opposite directions cannot deadlock.</summary>
    public static async Task VerifierQuotaAsync(UnitOfWork unitOfWork, IQuerySession documents, Guid etablissementId, long ajout,
        IConfiguration configuration, CancellationToken cancellationToken)
    {
        await unitOfWork.VerrouillerAsync($"cpro.ressources:{etablissementId}", cancellationToken);
        var utilise = await documents.Query<Ressource>().SumAsync(r => r.Taille, cancellationToken);
        var quota = Quota(configuration);
        if (utilise + ajout > quota)
        {
            throw new NonTraitableException($"L'espace des ressources de l'établissement serait dépassé ({Mo(utilise)} Mo utilisés sur {Mo(quota)} Mo) : supprimez des ressources.");
        }
    }

    /// <summary>Stores the copy and its resources with <paramref name="cible"/>, the documents of the establishment
    /// receiving them (the user's own for a duplicate); the source is read in the user's establishment. The copy is only
    /// saved with the command, so its resources are returned rather than read back.</summary>
    public static async Task<(Scenario Copie, IReadOnlyList<Ressource> Ressources)> CopierAsync(IDocumentSession session, UnitOfWork unitOfWork,
        IDocumentOperations cible, Guid cibleId, Scenario source, Guid? auteurId, string auteurNom, string titre, string origine,
        DateTimeOffset maintenant, IConfiguration configuration, CancellationToken cancellationToken)
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
        await VerifierQuotaAsync(unitOfWork, cible, cibleId, ressources.Sum(r => r.Taille), configuration, cancellationToken);
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

    private static string Mo(long octets) => (octets / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}
