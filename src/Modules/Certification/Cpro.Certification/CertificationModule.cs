using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Certification;

public sealed class CertificationModule : ICproModule
{
    public string Name => "Certification";
    public string DisplayName => "Certification";
    public string Description => "Grilles certificatives, CCF, commissions d'harmonisation et remontée des niveaux vers le LSL Pro.";
    public ModuleStatut Statut => ModuleStatut.AVenir;
    public bool Desactivable => true;
    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new("Certification", "/certification", Profils.Enseignant, Profils.Ddftp,
        Profils.ChefEtablissement, Profils.Inspecteur)];

    /// <summary>Nothing yet: the module is to come.</summary>
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
