using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Periodes.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Periodes;

internal sealed class PeriodesDbContext(DbContextOptions<PeriodesDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser)
{
    public const string SchemaName = "periodes";

    public override string Schema => SchemaName;

    public DbSet<PeriodeOfficielle> PeriodesOfficielles => Set<PeriodeOfficielle>();
    public DbSet<AnnexePedagogique> Annexes => Set<AnnexePedagogique>();
    public DbSet<PeriodeEntreprise> PeriodesEntreprise => Set<PeriodeEntreprise>();
    public DbSet<AffectationEntreprise> Affectations => Set<AffectationEntreprise>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PeriodeOfficielle>(e =>
        {
            e.Property(x => x.Referentiel).HasMaxLength(50);
            e.Property(x => x.NiveauClasse).HasMaxLength(20);
            e.Property(x => x.Libelle).HasMaxLength(100);
            e.Property(x => x.ModifiePar).HasMaxLength(200);
            e.HasIndex(x => new { x.EtablissementId, x.AnneeScolaire, x.Referentiel, x.NiveauClasse });
        });
        modelBuilder.Entity<AnnexePedagogique>(e =>
        {
            e.Property(x => x.Referentiel).HasMaxLength(50);
            e.Property(x => x.NiveauClasse).HasMaxLength(20);
            e.Property(x => x.Titre).HasMaxLength(200);
            e.Property(x => x.Objectifs).HasMaxLength(5000);
            e.Property(x => x.AuteurNom).HasMaxLength(200);
            e.Property(x => x.Version).IsRowVersion();
            e.HasIndex(x => new { x.EtablissementId, x.Referentiel, x.NiveauClasse });
        });
        modelBuilder.Entity<PeriodeEntreprise>(e =>
        {
            e.Property(x => x.Referentiel).HasMaxLength(50);
            e.Property(x => x.NiveauClasse).HasMaxLength(20);
            e.Property(x => x.Titre).HasMaxLength(200);
            e.Property(x => x.Objectifs).HasMaxLength(5000);
            e.Property(x => x.CreePar).HasMaxLength(200);
            e.Property(x => x.Version).IsRowVersion();
        });
        modelBuilder.Entity<AffectationEntreprise>(e =>
        {
            e.Property(x => x.EntrepriseNom).HasMaxLength(200);
            e.Property(x => x.EntrepriseSiret).HasMaxLength(14);
            e.Property(x => x.EntrepriseAdresse).HasMaxLength(500);
            e.Property(x => x.TuteurNom).HasMaxLength(200);
            e.Property(x => x.TuteurPrenom).HasMaxLength(200);
            e.Property(x => x.TuteurEmail).HasMaxLength(254);
            e.Property(x => x.TuteurTelephone).HasMaxLength(30);
            e.HasIndex(x => new { x.PeriodeId, x.ApprenantId }).IsUnique();
            // Overlap checks and « my periods » read a learner's or a tutor's assignments.
            e.HasIndex(x => new { x.EtablissementId, x.ApprenantId });
            e.HasIndex(x => new { x.EtablissementId, x.TuteurId });
            e.HasOne<PeriodeEntreprise>().WithMany().HasForeignKey(x => x.PeriodeId).OnDelete(DeleteBehavior.Cascade);
        });
        base.OnModelCreating(modelBuilder);
    }
}
