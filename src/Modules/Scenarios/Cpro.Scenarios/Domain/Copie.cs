using Cpro.Kernel.Errors;
using Cpro.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Cpro.Scenarios.Domain;

/// <summary>Copies a scenario with its resources, in the same establishment (duplicate) or into another (share).</summary>
internal static class Copie
{
    /// <summary>Space for resources per establishment: CPRO_QUOTA_RESSOURCES_MO megabytes (500 by default).</summary>
    public static long Quota(IConfiguration configuration) => configuration.GetValue("CPRO_QUOTA_RESSOURCES_MO", 500L) * 1024 * 1024;

    /// <summary>422 when adding these bytes would exceed the establishment's quota. First takes the establishment's
    /// resources lock (PostgreSQL advisory lock held until the command's transaction ends): otherwise two uploads, duplicates
    /// or shares at once would each pass the check before the other's bytes are saved. Every path adding bytes comes through
    /// here, and only for the establishment receiving them: a command holds one such lock, so two copies in opposite
    /// directions cannot deadlock.</summary>
    public static async Task VerifierQuotaAsync(ScenariosDbContext db, Guid etablissementId, long ajout, IConfiguration configuration,
        CancellationToken cancellationToken)
    {
        await db.Database.VerrouillerAsync($"cpro.ressources:{etablissementId}", cancellationToken);
        var utilise = await db.Ressources.IgnoreQueryFilters().Where(r => r.EtablissementId == etablissementId).SumAsync(r => r.Taille, cancellationToken);
        var quota = Quota(configuration);
        if (utilise + ajout > quota)
        {
            throw new NonTraitableException($"L'espace des ressources de l'établissement serait dépassé ({Mo(utilise)} Mo utilisés sur {Mo(quota)} Mo) : supprimez des ressources.");
        }
    }

    public static async Task<Scenario> CopierAsync(ScenariosDbContext db, Scenario source, Guid etablissementId, Guid? auteurId, string auteurNom,
        string titre, string origine, DateTimeOffset maintenant, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var copie = new Scenario
        {
            EtablissementId = etablissementId,
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
        };
        var ressources = await db.Ressources.IgnoreQueryFilters().Where(r => r.ScenarioId == source.Id).ToListAsync(cancellationToken);
        await VerifierQuotaAsync(db, etablissementId, ressources.Sum(r => r.Taille), configuration, cancellationToken);
        db.Scenarios.Add(copie);
        db.AutoriserAutreEtablissement(copie);
        foreach (var ressource in ressources)
        {
            var contenu = await db.ContenusRessources.IgnoreQueryFilters().SingleAsync(c => c.RessourceId == ressource.Id, cancellationToken);
            var nouvelle = new Ressource
            {
                EtablissementId = etablissementId, ScenarioId = copie.Id, NomFichier = ressource.NomFichier, TypeContenu = ressource.TypeContenu,
                Taille = ressource.Taille, AjouteLe = maintenant, AjoutePar = auteurNom,
            };
            var octets = new ContenuRessource { RessourceId = nouvelle.Id, EtablissementId = etablissementId, Contenu = contenu.Contenu };
            db.Ressources.Add(nouvelle);
            db.ContenusRessources.Add(octets);
            db.AutoriserAutreEtablissement(nouvelle);
            db.AutoriserAutreEtablissement(octets);
        }
        return copie;
    }

    private static string Mo(long octets) => (octets / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}
