using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Portfolio;

public sealed class PortfolioModule : ICproModule
{
    public string Name => "Portfolio";
    public string DisplayName => "Portfolio";
    public string Description => "Portfolio des activités en entreprise : journal de bord de l'apprenant et fiches activité commentées par le tuteur et l'enseignant.";
    public ModuleStatut Statut => ModuleStatut.AVenir;
    public bool Desactivable => true;
    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new("Portfolio", "/portfolio", Profils.Eleve, Profils.Apprenti, Profils.Tuteur, Profils.MaitreApprentissage, Profils.Enseignant,
        Profils.Ddftp, Profils.ChefEtablissement)];

    /// <summary>Nothing yet: the module is to come.</summary>
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
