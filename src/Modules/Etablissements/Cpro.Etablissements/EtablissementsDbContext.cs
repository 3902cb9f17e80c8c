using Cpro.Etablissements.Courriels;
using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Siecle;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cpro.Etablissements;

/// <summary>Also holds the data protection keys: cookies, tokens, temporary codes and emails in the outbox stay readable
/// across restarts and by every instance of the host.</summary>
internal sealed class EtablissementsDbContext(DbContextOptions<EtablissementsDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser), IDataProtectionKeyContext
{
    public const string SchemaName = "etablissements";

    public override string Schema => SchemaName;

    public DbSet<Etablissement> Etablissements => Set<Etablissement>();
    public DbSet<Utilisateur> Utilisateurs => Set<Utilisateur>();
    public DbSet<AdministrateurPlateforme> AdministrateursPlateforme => Set<AdministrateurPlateforme>();
    public DbSet<ModuleActivation> ModuleActivations => Set<ModuleActivation>();
    public DbSet<Apprenant> Apprenants => Set<Apprenant>();
    public DbSet<Responsable> Responsables => Set<Responsable>();
    public DbSet<Personnel> Personnels => Set<Personnel>();
    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<Mef> Mefs => Set<Mef>();
    public DbSet<ImportSiecle> ImportsSiecle => Set<ImportSiecle>();
    public DbSet<Logo> Logos => Set<Logo>();
    public DbSet<CleCodesProvisoires> ClesCodesProvisoires => Set<CleCodesProvisoires>();
    public DbSet<Courriel> Courriels => Set<Courriel>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Etablissement>(e =>
        {
            e.Property(x => x.Uai).HasMaxLength(8);
            e.HasIndex(x => x.Uai).IsUnique();
            e.Property(x => x.Nom).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Adresse).HasMaxLength(500);
            e.Property(x => x.Version).IsRowVersion();
        });
        modelBuilder.Entity<DataProtectionKey>().ToTable("cles_protection");
        modelBuilder.Entity<Logo>(e =>
        {
            e.HasKey(x => x.EtablissementId);
            e.Property(x => x.Type).HasMaxLength(20);
            e.HasOne<Etablissement>().WithOne().HasForeignKey<Logo>(x => x.EtablissementId);
        });
        modelBuilder.Entity<CleCodesProvisoires>(e =>
        {
            e.HasKey(x => x.EtablissementId);
            e.HasOne<Etablissement>().WithOne().HasForeignKey<CleCodesProvisoires>(x => x.EtablissementId);
        });
        modelBuilder.Entity<Courriel>(e =>
        {
            e.Property(x => x.Destinataire).HasMaxLength(254);
            e.Property(x => x.Objet).HasMaxLength(200);
            e.Property(x => x.DerniereErreur).HasMaxLength(500);
            e.Property(x => x.Transport).HasMaxLength(500);
            // The sender's query: what is due and not sent.
            e.HasIndex(x => x.ProchainEssaiLe).HasFilter("\"EnvoyeLe\" IS NULL");
            e.HasOne<Etablissement>().WithMany().HasForeignKey(x => x.EtablissementId);
        });
        modelBuilder.Entity<Utilisateur>(e =>
        {
            e.OwnsOne(x => x.Identifiants, ConfigureIdentifiants);
            e.Property(x => x.Nom).HasMaxLength(100);
            e.Property(x => x.Prenom).HasMaxLength(100);
            e.Property(x => x.Civilite).HasMaxLength(10);
            e.Property(x => x.Version).IsRowVersion();
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Source).HasMaxLength(10);
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
        modelBuilder.Entity<Apprenant>(e =>
        {
            e.HasIndex(x => new { x.EtablissementId, x.EleveId }).IsUnique();
            e.HasIndex(x => x.Ine);
            e.Property(x => x.EleveId).HasMaxLength(20);
            e.Property(x => x.Ine).HasMaxLength(11);
            e.Property(x => x.Nom).HasMaxLength(100);
            e.Property(x => x.Prenom).HasMaxLength(100);
            e.Property(x => x.Prenom2).HasMaxLength(100);
            e.Property(x => x.Sexe).HasMaxLength(1);
            e.Property(x => x.Mef).HasMaxLength(11);
            e.Property(x => x.Statut).HasMaxLength(20);
            e.Property(x => x.Division).HasMaxLength(50);
        });
        modelBuilder.Entity<Responsable>(e =>
        {
            e.HasIndex(x => new { x.EtablissementId, x.PersonneId }).IsUnique();
            e.Property(x => x.PersonneId).HasMaxLength(20);
            e.Property(x => x.Civilite).HasMaxLength(10);
            e.Property(x => x.Nom).HasMaxLength(100);
            e.Property(x => x.Prenom).HasMaxLength(100);
        });
        modelBuilder.Entity<Personnel>(e =>
        {
            e.HasIndex(x => new { x.EtablissementId, x.StsId }).IsUnique();
            e.Property(x => x.StsId).HasMaxLength(20);
            e.Property(x => x.Civilite).HasMaxLength(10);
            e.Property(x => x.Nom).HasMaxLength(100);
            e.Property(x => x.Prenom).HasMaxLength(100);
            e.Property(x => x.Fonction).HasMaxLength(10);
        });
        modelBuilder.Entity<Structure>(e =>
        {
            e.HasIndex(x => new { x.EtablissementId, x.Type, x.Code }).IsUnique();
            e.Property(x => x.Type).HasMaxLength(1);
            e.Property(x => x.Code).HasMaxLength(50);
            e.Property(x => x.Libelle).HasMaxLength(200);
        });
        modelBuilder.Entity<Mef>(e =>
        {
            e.HasIndex(x => new { x.EtablissementId, x.Code }).IsUnique();
            e.Property(x => x.Code).HasMaxLength(11);
            e.Property(x => x.Libelle).HasMaxLength(200);
        });
        modelBuilder.Entity<ImportSiecle>(e =>
        {
            e.Property(x => x.Par).HasMaxLength(100);
            e.Property(x => x.Rapport).HasColumnType("jsonb");
            e.HasIndex(x => new { x.EtablissementId, x.Le });
        });
        base.OnModelCreating(modelBuilder);
    }

    private static void ConfigureIdentifiants<TOwner>(OwnedNavigationBuilder<TOwner, Identifiants> identifiants)
        where TOwner : class
    {
        identifiants.Property(x => x.Login).HasMaxLength(100);
        identifiants.HasIndex(x => x.Login).IsUnique();
        identifiants.Property(x => x.MotDePasseHash).HasMaxLength(200);
        // Existing rows, and any insert that omits it, get a stamp of their own.
        identifiants.Property(x => x.TamponSecurite).HasDefaultValueSql("gen_random_uuid()");
    }
}
