using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Scenarios;

public sealed class ScenariosModule : ICproModule
{
    public string Name => "Scenarios";
    public string DisplayName => "Scénarios pédagogiques";
    public string Description => "Scénarios pédagogiques liés au référentiel, évaluations par grilles de positionnement et tableau de bord de suivi des compétences.";
    public ModuleStatut Statut => ModuleStatut.Disponible;
    public bool Desactivable => true;
    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("Scénarios pédagogiques", "/scenarios", Profils.Enseignant, Profils.Ddftp, Profils.ChefEtablissement),
        new("Suivi des compétences", "/suivi", Profils.Enseignant, Profils.Ddftp, Profils.ChefEtablissement, Profils.Eleve, Profils.Apprenti),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ScenariosDbContext>(configuration, ScenariosDbContext.SchemaName);
        services.AddScoped<IStartupTask, Startup.DemoScenario>();
    }
}
