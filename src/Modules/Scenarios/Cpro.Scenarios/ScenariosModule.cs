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
    public ModuleStatut Statut => ModuleStatut.AVenir;
    public bool Desactivable => true;
    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new("Scénarios pédagogiques", "/scenarios")];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<ScenariosDbContext>(configuration, ScenariosDbContext.SchemaName);
}
