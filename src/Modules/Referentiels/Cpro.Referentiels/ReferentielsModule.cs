using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Referentiels;

public sealed class ReferentielsModule : ICproModule
{
    public string Name => "Referentiels";
    public string DisplayName => "Référentiels";
    public string Description => "Catalogue des référentiels de diplômes : blocs, activités, tâches, compétences et critères d'évaluation, et abonnements de l'établissement.";
    public ModuleStatut Statut => ModuleStatut.AVenir;
    public bool Desactivable => true;
    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new("Référentiels", "/referentiels")];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<ReferentielsDbContext>(configuration, ReferentielsDbContext.SchemaName);
}
