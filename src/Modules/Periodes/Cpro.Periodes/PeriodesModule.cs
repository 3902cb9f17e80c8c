using Cpro.Kernel.Identity;
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
    public ModuleStatut Statut => ModuleStatut.Disponible;
    public bool Desactivable => true;
    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("Console de pilotage", "/periodes/console", Profils.Ddftp, Profils.ChefEtablissement),
        new("Périodes officielles", "/periodes/officielles", Profils.Administrateur, Profils.ChefEtablissement, Profils.Ddftp, Profils.Enseignant, Profils.Inspecteur),
        new("Annexes pédagogiques", "/periodes/annexes", Profils.Enseignant, Profils.Ddftp, Profils.ChefEtablissement),
        new("Périodes en entreprise", "/periodes/entreprise", Profils.Ddftp, Profils.ChefEtablissement, Profils.Enseignant, Profils.Eleve, Profils.Apprenti,
            Profils.Tuteur, Profils.MaitreApprentissage),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<PeriodesDbContext>(configuration, PeriodesDbContext.SchemaName);
}
