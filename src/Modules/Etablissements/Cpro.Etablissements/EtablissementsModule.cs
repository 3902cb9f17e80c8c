using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Features;
using Cpro.Etablissements.Startup;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Etablissements;

public sealed class EtablissementsModule : ICproModule
{
    public string Name => "Etablissements";
    public string DisplayName => "Établissements";
    public string Description => "Établissement, comptes des utilisateurs, import SIECLE / STS-web et activation des modules.";
    public ModuleStatut Statut => ModuleStatut.Disponible;

    /// <summary>Accounts and switches live here: an establishment cannot run without it.</summary>
    public bool Desactivable => false;

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("Établissements", "/administration/etablissements", Profils.AdministrateurPlateforme),
        new("Paramètres", "/administration/parametres", Profils.Administrateur, Profils.ChefEtablissement),
        new("Utilisateurs", "/administration/utilisateurs", Profils.Administrateur),
        new("Gestion des accès", "/administration/acces", Profils.Administrateur),
        new("Courriels", "/administration/courriels", Profils.Administrateur),
        new("Modules", "/administration/modules", Profils.Administrateur),
        new("Import SIECLE", "/administration/import", Profils.Administrateur),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<EtablissementsDbContext>(configuration, EtablissementsDbContext.SchemaName);
        services.AddScoped<IModuleSwitches, ModuleSwitches>();
        services.AddSingleton<IPasswordHasher<Identifiants>, PasswordHasher<Identifiants>>();
        services.AddScoped<IStartupTask, AdministrateurPlateformeSeed>();
        services.AddScoped<IStartupTask, DemoSeed>();
        services.AddDataProtection().SetApplicationName("Cpro").PersistKeysToDbContext<EtablissementsDbContext>();
        services.AddScoped<Comptes>();
        services.AddScoped<CodesProvisoires>();
        services.AddScoped<Connexions>();
        services.AddMemoryCache();
        services.AddScoped<IComptesActifs, ComptesActifs>();
        services.AddScoped<Courriels.BoiteEnvoi>();
        services.AddSingleton(Courriels.ConfigurationCourriels.Transport(configuration));
        services.AddHostedService<Courriels.EnvoiCourriels>();
        services.AddScoped<Siecle.Synchronisation>();
        services.AddScoped<Siecle.ImportsEnAttente>();
        // SIECLE exports are usually ISO-8859-15, which .NET reads only with the code pages provider.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
    }
}
