using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Portal;
using Cpro.Scenarios.Domain;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Scenarios;

public sealed class ScenariosModule : ICproModule
{
    private const string Schema = "scenarios";

    public string Name => "Scenarios";
    public string DisplayName => "Scénarios pédagogiques";
    public string Description => "Scénarios pédagogiques liés au référentiel, évaluations par grilles de positionnement et tableau de bord de suivi des compétences.";
    public ModuleStatut Statut => ModuleStatut.Disponible;
    public bool Desactivable => true;
    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("Scénarios pédagogiques", "/scenarios", Profils.Enseignant, Profils.Ddftp, Profils.ChefEtablissement),
        new("Suivi des compétences", "/suivi", Profils.Enseignant, Profils.Ddftp, Profils.ChefEtablissement, Profils.Eleve, Profils.Apprenti),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        // Every document belongs to one establishment (the store's default): no EtablissementId in them.
        services.ConfigureMarten(options =>
        {
            options.Schema.For<Scenario>().DatabaseSchemaName(Schema).UseNumericRevisions(true);
            options.Schema.For<Ressource>().DatabaseSchemaName(Schema).Index(r => r.ScenarioId);
            options.Schema.For<ContenuRessource>().DatabaseSchemaName(Schema);
            options.Schema.For<Evaluation>().DatabaseSchemaName(Schema).Index(e => e.ScenarioId).Index(e => e.EnseignantId);
            options.Schema.For<SuiviApprenant>().DatabaseSchemaName(Schema);
            options.Schema.For<ParametresSuivi>().DatabaseSchemaName(Schema);
            // Known before the first append, so that a new process reads the history of grids saved before it.
            options.Events.AddEventType<EvaluationCreee>();
            options.Events.AddEventType<GrilleEnregistree>();
            options.Events.AddEventType<BilanEntrepriseFinalise>();
            options.Events.AddEventType<BilanEntrepriseRetire>();
            options.Projections.Add<ProjectionGrille>(ProjectionLifecycle.Inline);
            options.Projections.Add<ProjectionSuivi>(ProjectionLifecycle.Inline);
        });
        services.AddScoped<IStartupTask, Startup.DemoScenario>();
        services.AddScoped<IContributionAccueil, Integrations.AccueilScenarios>();
        services.AddScoped<IOccupationEspace, OccupationRessources>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, JsonScenarios.Default));
    }
}
