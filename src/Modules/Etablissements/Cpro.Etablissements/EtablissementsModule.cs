using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Features;
using Cpro.Etablissements.Siecle;
using Cpro.Etablissements.Startup;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Portal;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        // Those the portfolio's daily digests reach choose here whether they get them.
        new("Préférences", "/preferences", Profils.Enseignant, Profils.Tuteur, Profils.MaitreApprentissage),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureMarten(Documents);
        var structures = new Integrations.StructuresEnCache();
        services.AddSingleton(structures);
        services.ConfigureMarten(options => options.Listeners.Add(structures));
        services.AddSingleton<IModuleSwitches, ModuleSwitches>();
        services.AddSingleton<IPasswordHasher<Identifiants>, PasswordHasher<Identifiants>>();
        services.AddScoped<IStartupTask, AdministrateurPlateformeSeed>();
        services.AddScoped<IStartupTask, DemoSeed>();
        services.AddDataProtection().SetApplicationName("Cpro");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new ClesProtection(sp.GetRequiredService<IDocumentStore>())));
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
        services.AddScoped<IContributionAccueil, Integrations.AccueilEtablissements>();
        // SIECLE exports are usually ISO-8859-15, which .NET reads only with the code pages provider.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
    }

    /// <summary>The module's documents, in schema « etablissements ». Platform-wide: the establishments, the platform
    /// administrators and the Data Protection keys; everything else belongs to an establishment. Logins are unique across
    /// the platform (a global index), and one query finds every login of a root (an index on the same expression as
    /// <see cref="Comptes"/>' lookup).</summary>
    private static void Documents(Marten.StoreOptions options)
    {
        const string schema = "etablissements";
        options.Schema.For<Etablissement>().DatabaseSchemaName(schema).SingleTenanted().UseNumericRevisions(true)
            .UniqueIndex(UniqueIndexType.Computed, "etablissement_uai", TenancyScope.Global, e => e.Uai);
        options.Schema.For<AdministrateurPlateforme>().DatabaseSchemaName(schema).SingleTenanted()
            .UniqueIndex(UniqueIndexType.Computed, "administrateur_login", TenancyScope.Global, a => a.Identifiants.Login)
            .Index(a => a.Identifiants.Login, index => RacineLogin(index, "administrateur_racine_login"));
        options.Schema.For<CleProtection>().DatabaseSchemaName(schema).SingleTenanted();
        options.Schema.For<Utilisateur>().DatabaseSchemaName(schema).UseNumericRevisions(true)
            .UniqueIndex(UniqueIndexType.Computed, "utilisateur_login", TenancyScope.Global, u => u.Identifiants.Login)
            .Index(u => u.Identifiants.Login, index => RacineLogin(index, "utilisateur_racine_login"));
        options.Schema.For<Logo>().DatabaseSchemaName(schema);
        options.Schema.For<CleCodesProvisoires>().DatabaseSchemaName(schema);
        options.Schema.For<ModuleActivation>().DatabaseSchemaName(schema);
        options.Schema.For<Courriels.Courriel>().DatabaseSchemaName(schema)
            .Metadata(m => m.TenantId.MapTo(c => c.Tenant))
            .Index(c => c.ProchainEssaiLe);
        options.Schema.For<Apprenant>().DatabaseSchemaName(schema)
            .UniqueIndex(UniqueIndexType.Computed, "apprenant_eleve_id", TenancyScope.PerTenant, a => a.EleveId)
            .Index(a => a.UtilisateurId);
        options.Schema.For<Responsable>().DatabaseSchemaName(schema)
            .UniqueIndex(UniqueIndexType.Computed, "responsable_personne_id", TenancyScope.PerTenant, r => r.PersonneId);
        options.Schema.For<Personnel>().DatabaseSchemaName(schema)
            .UniqueIndex(UniqueIndexType.Computed, "personnel_sts_id", TenancyScope.PerTenant, p => p.StsId);
        options.Schema.For<Structure>().DatabaseSchemaName(schema)
            .UniqueIndex(UniqueIndexType.Computed, "structure_code", TenancyScope.PerTenant, s => s.Type, s => s.Code);
        options.Schema.For<Mef>().DatabaseSchemaName(schema)
            .UniqueIndex(UniqueIndexType.Computed, "mef_code", TenancyScope.PerTenant, m => m.Code);
        options.Schema.For<ImportSiecle>().DatabaseSchemaName(schema).Index(i => i.Le);
    }

    private static void RacineLogin(ComputedIndex index, string nom)
    {
        index.Name = nom;
        index.Mask = Comptes.ExpressionRacine;
    }
}
