using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Cpro.Referentiels.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Referentiels;

public sealed class ReferentielsModule : ICproModule
{
    public string Name => "Referentiels";
    public string DisplayName => "Référentiels";
    public string Description => "Catalogue des référentiels de diplômes : blocs, activités, tâches, compétences et critères d'évaluation, et abonnements de l'établissement.";
    public ModuleStatut Statut => ModuleStatut.Disponible;
    public bool Desactivable => true;

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("Référentiels", "/referentiels"),
        new("Référentiels", "/referentiels", Profils.AdministrateurPlateforme),
        new("Abonnements aux diplômes", "/referentiels/abonnements", Profils.Administrateur, Profils.ChefEtablissement, Profils.Ddftp),
        new("Import de référentiel", "/referentiels/import", Profils.AdministrateurPlateforme),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ReferentielsDbContext>(configuration, ReferentielsDbContext.SchemaName);
        services.AddScoped<IStartupTask, ChargementCatalogue>();
        services.AddScoped<IStartupTask, DemoAbonnement>();
    }
}
