using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Portal;
using Cpro.Periodes.Domain;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Periodes;

public sealed class PeriodesModule : ICproModule
{
    private const string Schema = "periodes";

    public string Name => "Periodes";
    public string DisplayName => "Périodes";
    public string Description => "Périodes officielles, annexes pédagogiques et périodes de formation en entreprise (PFMP et périodes employeur).";
    public ModuleStatut Statut => ModuleStatut.Disponible;
    public bool Desactivable => true;
    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("Périodes officielles", "/periodes/officielles", Profils.Administrateur, Profils.ChefEtablissement, Profils.Ddftp, Profils.Enseignant, Profils.Inspecteur),
        new("Annexes pédagogiques", "/periodes/annexes", Profils.Enseignant, Profils.Ddftp, Profils.ChefEtablissement),
        new("Périodes en entreprise", "/periodes/entreprise", Profils.Ddftp, Profils.ChefEtablissement, Profils.Enseignant, Profils.Eleve, Profils.Apprenti,
            Profils.Tuteur, Profils.MaitreApprentissage),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IStartupTask, Startup.DemoPeriodes>();
        services.AddScoped<IContributionAccueil, Integrations.AccueilPeriodes>();
        var affectations = new Integrations.AffectationsEnCache();
        services.AddSingleton(affectations);
        services.ConfigureMarten(options =>
        {
            options.Listeners.Add(affectations);
            // A level's periods, or an annex list, are read by codes every establishment shares: indexes start with the tenant.
            options.Schema.For<PeriodeOfficielle>().DatabaseSchemaName(Schema).StartIndexesByTenantId()
                .Index([p => p.AnneeScolaire, p => p.Referentiel, p => p.NiveauClasse],
                    // Named: the derived name would pass PostgreSQL's 63 characters.
                    i => i.Name = "mt_doc_periodeofficielle_idx_annee_referentiel_niveau");
            options.Schema.For<AnnexePedagogique>().DatabaseSchemaName(Schema).UseNumericRevisions(true).StartIndexesByTenantId()
                .Index([a => a.Referentiel, a => a.NiveauClasse]);
            options.Schema.For<PeriodeEntreprise>().DatabaseSchemaName(Schema).UseNumericRevisions(true);
            // Learners' and tutors' ids are the platform's own: no tenant needed in front.
            options.Schema.For<AffectationEntreprise>().DatabaseSchemaName(Schema)
                .UniqueIndex(UniqueIndexType.Computed, "mt_doc_affectationentreprise_uidx_periode_apprenant", TenancyScope.PerTenant,
                    a => a.PeriodeId, a => a.ApprenantId)
                .Index(a => a.ApprenantId)
                .Index(a => a.TuteurId);
        });
    }
}
