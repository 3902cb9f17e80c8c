using System.Linq.Expressions;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Kernel.Persistence;

/// <summary>Base of every module's DbContext: its own schema, and establishment scoping built in.
/// A query on an <see cref="IEtablissementOwned"/> entity sees only the current user's establishment
/// (nothing at all for a user without one) unless the handler says otherwise with <c>IgnoreQueryFilters()</c>.</summary>
public abstract class ModuleDbContext(DbContextOptions options, ICurrentUser currentUser) : DbContext(options)
{
    public abstract string Schema { get; }

    private readonly HashSet<object> _ecrituresAutorisees = new(ReferenceEqualityComparer.Instance);

    /// <summary>The handler writes this row into another establishment on purpose (e.g. a copy shared with it).</summary>
    public void AutoriserAutreEtablissement(IEtablissementOwned entity) => _ecrituresAutorisees.Add(entity);

    /// <summary>Read by the query filters; EF parameterises it per context instance.</summary>
    protected Guid? CurrentEtablissementId => currentUser.EtablissementId;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        foreach (var entity in modelBuilder.Model.GetEntityTypes()
                     .Where(e => typeof(IEtablissementOwned).IsAssignableFrom(e.ClrType) && e.BaseType is null))
        {
            entity.SetQueryFilter(EtablissementFilter(entity.ClrType));
            // Every query filters on the establishment; a key or index that starts with it already serves, and one more
            // index would only slow the writes (an import inserts thousands of rows).
            var couvert = entity.GetIndexes().Select(i => i.Properties).Append(entity.FindPrimaryKey()?.Properties ?? [])
                .Any(p => p.Count > 0 && p[0].Name == nameof(IEtablissementOwned.EtablissementId));
            if (!couvert)
            {
                modelBuilder.Entity(entity.ClrType).HasIndex(nameof(IEtablissementOwned.EtablissementId));
            }
        }
    }

    private LambdaExpression EtablissementFilter(Type clrType)
    {
        var entity = Expression.Parameter(clrType, "e");
        var owner = Expression.Convert(Expression.Property(entity, nameof(IEtablissementOwned.EtablissementId)), typeof(Guid?));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentEtablissementId));
        return Expression.Lambda(Expression.Equal(owner, current), entity);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampEtablissement();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampEtablissement();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>New rows take the user's establishment; a user of one establishment never writes another's rows.
    /// Without an establishment (platform administrator, start-up task) the handler sets it explicitly.</summary>
    private void StampEtablissement()
    {
        foreach (var entry in ChangeTracker.Entries<IEtablissementOwned>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            if (entry.State == EntityState.Added && entry.Entity.EtablissementId == Guid.Empty && CurrentEtablissementId is { } current)
            {
                entry.Entity.EtablissementId = current;
            }
            if (entry.Entity.EtablissementId == Guid.Empty)
            {
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} sans établissement.");
            }
            if (CurrentEtablissementId is { } mine && entry.Entity.EtablissementId != mine && !_ecrituresAutorisees.Contains(entry.Entity))
            {
                throw new InterditException("Ces données appartiennent à un autre établissement.");
            }
        }
    }
}
