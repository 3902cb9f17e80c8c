using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Cpro.Referentiels.Domain;
using Cpro.Referentiels.Startup;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Referentiels;

public sealed class ReferentielsModule : ICproModule
{
    private const string Schema = "referentiels";

    public string Name => "Referentiels";
    public string DisplayName => "Référentiels";
    public string Description => "Catalogue des référentiels de diplômes : blocs, activités, tâches, compétences et critères d'évaluation, et abonnements de l'établissement.";
    public ModuleStatut Statut => ModuleStatut.Disponible;
    public bool Desactivable => true;

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        // Learners and company tutors read their tasks on their periods, not in the catalogue.
        new("Référentiels", "/referentiels", Profils.AdministrateurPlateforme, Profils.Administrateur, Profils.ChefEtablissement, Profils.Ddftp,
            Profils.Enseignant, Profils.Inspecteur),
        new("Abonnements aux diplômes", "/referentiels/abonnements", Profils.Administrateur, Profils.ChefEtablissement, Profils.Ddftp),
        new("Import de référentiel", "/referentiels/import", Profils.AdministrateurPlateforme),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureMarten(options =>
        {
            // The catalogue is the platform's: every establishment reads the same documents.
            options.Schema.For<Referentiel>().DatabaseSchemaName(Schema).SingleTenanted();
            options.Schema.For<Abonnement>().DatabaseSchemaName(Schema);
        });
        services.AddScoped<IStartupTask, ChargementCatalogue>();
        services.AddScoped<IStartupTask, DemoAbonnement>();
    }
}
