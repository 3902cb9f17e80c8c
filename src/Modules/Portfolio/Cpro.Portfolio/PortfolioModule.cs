using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Cpro.Portfolio.Domain;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Portfolio;

public sealed class PortfolioModule : ICproModule
{
    private const string Schema = "portfolio";

    public string Name => "Portfolio";
    public string DisplayName => "Portfolio";
    public string Description => "Portfolio des activités en entreprise : journal de bord de l'apprenant et fiches activité commentées par le tuteur et l'enseignant.";
    public ModuleStatut Statut => ModuleStatut.Disponible;
    public bool Desactivable => true;
    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("Portfolio", "/portfolio", Profils.Eleve, Profils.Apprenti, Profils.Tuteur, Profils.MaitreApprentissage, Profils.Enseignant, Profils.Ddftp,
            Profils.ChefEtablissement),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IOccupationEspace, OccupationPiecesJointes>();
        services.AddScoped<IStartupTask, Startup.DemoPortfolio>();
        services.AddSingleton<Features.EnvoyerResumes.Service>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.EnvoyerResumes.Service>());
        // Every document belongs to one establishment (the store's default); a portfolio is read by period and learner.
        services.ConfigureMarten(options =>
        {
            options.Schema.For<FicheActivite>().DatabaseSchemaName(Schema).UseNumericRevisions(true)
                .Index([f => f.PeriodeId, f => f.ApprenantId]);
            options.Schema.For<EntreeJournal>().DatabaseSchemaName(Schema).Index([e => e.PeriodeId, e => e.ApprenantId]);
            options.Schema.For<CommentaireJournal>().DatabaseSchemaName(Schema).Index([c => c.PeriodeId, c => c.ApprenantId]);
            options.Schema.For<PieceJointe>().DatabaseSchemaName(Schema).Index(p => p.ParentId).Index([p => p.PeriodeId, p => p.ApprenantId]);
            options.Schema.For<ContenuPieceJointe>().DatabaseSchemaName(Schema);
            options.Schema.For<NotificationPortfolio>().DatabaseSchemaName(Schema).Index(n => n.DestinataireId);
            options.Schema.For<ResumeEnvoye>().DatabaseSchemaName(Schema);
            // One per learner and period: two first saves at once, the second gets a conflict.
            options.Schema.For<BilanEntreprise>().DatabaseSchemaName(Schema).UseNumericRevisions(true)
                .UniqueIndex(UniqueIndexType.Computed, "mt_doc_bilanentreprise_uidx_periode_apprenant", TenancyScope.PerTenant,
                    b => b.PeriodeId, b => b.ApprenantId);
        });
    }
}
