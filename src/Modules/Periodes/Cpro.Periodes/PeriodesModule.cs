using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Periodes;

public sealed class PeriodesModule : ICproModule
{
    public string Name => "Periodes";
    public string DisplayName => "Périodes";
    public string Description => "Périodes officielles, annexes pédagogiques et périodes de formation en entreprise (PFMP et périodes employeur).";
    public ModuleStatut Statut => ModuleStatut.AVenir;
    public bool Desactivable => true;
    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new("Périodes", "/periodes")];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<PeriodesDbContext>(configuration, PeriodesDbContext.SchemaName);
}
