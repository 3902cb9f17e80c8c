using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Transferts;

public sealed class TransfertsModule : ICproModule
{
    public string Name => "Transferts";
    public string DisplayName => "Transferts";
    public string Description => "Transfert des données d'un apprenant vers un autre établissement, retrouvé par son INE.";
    public ModuleStatut Statut => ModuleStatut.AVenir;
    public bool Desactivable => true;
    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new("Transferts", "/transferts")];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<TransfertsDbContext>(configuration, TransfertsDbContext.SchemaName);
}
