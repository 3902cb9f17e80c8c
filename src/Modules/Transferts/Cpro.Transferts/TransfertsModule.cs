using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
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
    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new("Transferts", "/transferts", Profils.ChefEtablissement, Profils.Ddftp)];

    /// <summary>Nothing yet: the module is to come.</summary>
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
