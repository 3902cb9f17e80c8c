using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Scenarios.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Scenarios;

internal sealed class ScenariosDbContext(DbContextOptions<ScenariosDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser)
{
    public const string SchemaName = "scenarios";

    public override string Schema => SchemaName;

    public DbSet<Scenario> Scenarios => Set<Scenario>();
    public DbSet<Ressource> Ressources => Set<Ressource>();
    public DbSet<ContenuRessource> ContenusRessources => Set<ContenuRessource>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<Positionnement> Positionnements => Set<Positionnement>();
    public DbSet<ParametresSuivi> ParametresSuivi => Set<ParametresSuivi>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Scenario>(e =>
        {
            e.Property(x => x.AuteurNom).HasMaxLength(200);
            e.Property(x => x.Referentiel).HasMaxLength(50);
            e.Property(x => x.NiveauClasse).HasMaxLength(20);
            e.Property(x => x.Titre).HasMaxLength(200);
            e.Property(x => x.CoInterventionDiscipline).HasMaxLength(100);
            e.Property(x => x.Origine).HasMaxLength(300);
            e.Property(x => x.Version).IsRowVersion();
            e.HasIndex(x => new { x.EtablissementId, x.Referentiel, x.NiveauClasse });
        });
        modelBuilder.Entity<Ressource>(e =>
        {
            e.Property(x => x.NomFichier).HasMaxLength(255);
            e.Property(x => x.TypeContenu).HasMaxLength(100);
            e.Property(x => x.AjoutePar).HasMaxLength(200);
            e.HasOne<Scenario>().WithMany().HasForeignKey(x => x.ScenarioId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ContenuRessource>(e =>
        {
            e.HasKey(x => x.RessourceId);
            e.HasOne<Ressource>().WithOne().HasForeignKey<ContenuRessource>(x => x.RessourceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Evaluation>(e =>
        {
            e.Property(x => x.Titre).HasMaxLength(200);
            e.Property(x => x.Referentiel).HasMaxLength(50);
            e.Property(x => x.NiveauClasse).HasMaxLength(20);
            e.Property(x => x.EnseignantNom).HasMaxLength(200);
            e.Property(x => x.Mode).HasMaxLength(20);
            e.Property(x => x.VersionGrille).IsConcurrencyToken();
            e.HasOne<Scenario>().WithMany().HasForeignKey(x => x.ScenarioId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Positionnement>(e =>
        {
            e.Property(x => x.Item).HasMaxLength(20);
            e.Property(x => x.Competence).HasMaxLength(20);
            e.Property(x => x.Commentaire).HasMaxLength(1000);
            e.Property(x => x.ModifiePar).HasMaxLength(200);
            e.HasIndex(x => new { x.EvaluationId, x.ApprenantId, x.Item }).IsUnique();
            // The dashboard reads one learner's positionings across evaluations.
            e.HasIndex(x => new { x.EtablissementId, x.ApprenantId });
            e.HasOne<Evaluation>().WithMany().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ParametresSuivi>(e => e.HasKey(x => x.EtablissementId));
        base.OnModelCreating(modelBuilder);
    }
}
