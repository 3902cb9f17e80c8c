using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Bilans;

public sealed class BilansModule : ICproModule
{
    public string Name => "Bilans";
    public string DisplayName => "Bilans";
    public string Description => "Bilans intermédiaires par période officielle, bilans en entreprise avec le tuteur et bilans de compétences.";
    public ModuleStatut Statut => ModuleStatut.AVenir;
    public bool Desactivable => true;
    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new("Bilans", "/bilans", Profils.Enseignant, Profils.Ddftp, Profils.ChefEtablissement, Profils.Tuteur,
        Profils.MaitreApprentissage, Profils.Eleve, Profils.Apprenti)];

    /// <summary>Nothing yet: the module is to come.</summary>
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
