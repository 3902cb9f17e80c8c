using System.Text.Json;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Referentiels.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cpro.Referentiels;

/// <summary>The catalogue (platform-wide) and the establishments' subscriptions, in schema « referentiels ».</summary>
internal sealed class ReferentielsDbContext(DbContextOptions<ReferentielsDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser)
{
    public const string SchemaName = "referentiels";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override string Schema => SchemaName;

    public DbSet<Referentiel> Referentiels => Set<Referentiel>();
    public DbSet<Abonnement> Abonnements => Set<Abonnement>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Referentiel>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(Catalogue.ValidateurReferentiel.CodeMax);
            // Unique: the principal key subscriptions refer to.
            e.HasAlternateKey(x => x.Code);
            e.Property(x => x.Diplome).HasMaxLength(200);
            e.Property(x => x.Niveau).HasMaxLength(Catalogue.ValidateurReferentiel.CodeMax);
            e.Property(x => x.Intitule).HasMaxLength(Catalogue.ValidateurReferentiel.IntituleMax);
            e.Property(x => x.Version).HasMaxLength(64);
            e.Property(x => x.Source).HasMaxLength(10);
            e.Property(x => x.ImportePar).HasMaxLength(100);
            e.Property(x => x.Contenu).HasColumnType("jsonb");
        });
        modelBuilder.Entity<Abonnement>(e =>
        {
            e.Property(x => x.ReferentielCode).HasMaxLength(Catalogue.ValidateurReferentiel.CodeMax);
            e.HasIndex(x => new { x.EtablissementId, x.ReferentielCode }).IsUnique();
            e.HasOne<Referentiel>().WithMany().HasForeignKey(x => x.ReferentielCode).HasPrincipalKey(x => x.Code)
                .OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Niveaux).HasColumnType("jsonb").HasConversion(
                v => EcrireNiveaux(v), v => LireNiveaux(v),
                new ValueComparer<List<NiveauAbonne>>((a, b) => EcrireNiveaux(a!) == EcrireNiveaux(b!), v => EcrireNiveaux(v).GetHashCode(StringComparison.Ordinal),
                    v => LireNiveaux(EcrireNiveaux(v))));
            e.Property(x => x.ModifiePar).HasMaxLength(100);
        });
        base.OnModelCreating(modelBuilder);
    }

    private static string EcrireNiveaux(List<NiveauAbonne> niveaux) => JsonSerializer.Serialize(niveaux, Json);

    private static List<NiveauAbonne> LireNiveaux(string json) => JsonSerializer.Deserialize<List<NiveauAbonne>>(json, Json) ?? [];
}
