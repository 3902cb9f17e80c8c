using Cpro.Etablissements.Domain;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpro.Etablissements;

internal sealed class EtablissementsDbContext(DbContextOptions<EtablissementsDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser)
{
    public const string SchemaName = "etablissements";

    public override string Schema => SchemaName;

    public DbSet<Etablissement> Etablissements => Set<Etablissement>();
    public DbSet<Utilisateur> Utilisateurs => Set<Utilisateur>();
    public DbSet<AdministrateurPlateforme> AdministrateursPlateforme => Set<AdministrateurPlateforme>();
    public DbSet<ModuleActivation> ModuleActivations => Set<ModuleActivation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Etablissement>(e =>
        {
            e.Property(x => x.Uai).HasMaxLength(8);
            e.HasIndex(x => x.Uai).IsUnique();
            e.Property(x => x.Nom).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(254);
        });
        modelBuilder.Entity<Utilisateur>(e =>
        {
            e.OwnsOne(x => x.Identifiants, ConfigureIdentifiants);
            e.Property(x => x.Nom).HasMaxLength(100);
            e.Property(x => x.Prenom).HasMaxLength(100);
            e.Property(x => x.Email).HasMaxLength(254);
            e.HasOne<Etablissement>().WithMany().HasForeignKey(x => x.EtablissementId);
        });
        modelBuilder.Entity<AdministrateurPlateforme>(e =>
        {
            e.OwnsOne(x => x.Identifiants, ConfigureIdentifiants);
        });
        modelBuilder.Entity<ModuleActivation>(e =>
        {
            e.Property(x => x.Module).HasMaxLength(50);
            e.Property(x => x.ModifiePar).HasMaxLength(100);
            e.HasIndex(x => new { x.EtablissementId, x.Module }).IsUnique();
            e.HasOne<Etablissement>().WithMany().HasForeignKey(x => x.EtablissementId);
        });
        base.OnModelCreating(modelBuilder);
    }

    private static void ConfigureIdentifiants<TOwner>(OwnedNavigationBuilder<TOwner, Identifiants> identifiants)
        where TOwner : class
    {
        identifiants.Property(x => x.Login).HasMaxLength(100);
        identifiants.HasIndex(x => x.Login).IsUnique();
        identifiants.Property(x => x.MotDePasseHash).HasMaxLength(200);
    }
}
