using Cpro.Bilans.Domain;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Portal;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Bilans;

public sealed class BilansModule : ICproModule
{
    private const string Schema = "bilans";

    public string Name => "Bilans";
    public string DisplayName => "Bilans";
    public string Description => "Bilans intermédiaires par période officielle et bilans de fin de cycle, leur édition en PDF, et la console de pilotage du DDFTP.";
    public ModuleStatut Statut => ModuleStatut.Disponible;
    public bool Desactivable => true;
    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("Console de pilotage", "/bilans/console", Profils.Ddftp, Profils.ChefEtablissement),
        new("Bilans", "/bilans", Profils.Enseignant, Profils.Ddftp, Profils.ChefEtablissement, Profils.Tuteur, Profils.MaitreApprentissage, Profils.Eleve,
            Profils.Apprenti),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IStartupTask, Startup.DemoBilans>();
        services.AddScoped<IContributionAccueil, Integrations.AccueilBilans>();
        // Every document belongs to one establishment (the store's default). The console counts a year's bilans at once:
        // indexed by year, and by learner for a learner's page.
        services.ConfigureMarten(options =>
        {
            options.Schema.For<Bilan>().DatabaseSchemaName(Schema).UseNumericRevisions(true)
                .UniqueIndex(UniqueIndexType.Computed, "mt_doc_bilan_uidx_cle", TenancyScope.PerTenant, b => b.Cle)
                .Index(b => b.ApprenantId)
                .Index(b => b.AnneeScolaire);
            options.Schema.For<Relance>().DatabaseSchemaName(Schema).Index(r => r.Le);
        });
    }
}
