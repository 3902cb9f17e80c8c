using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Kernel.Persistence;

/// <summary>Which DbContext a module's assembly owns: the host migrates each at start-up and wraps each
/// command of that assembly in a transaction on it.</summary>
public sealed record ModuleDbContextRegistration(Assembly Assembly, Type ContextType, string Schema);

public static class ModulePersistence
{
    public const string ConnectionStringName = "Cpro";

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException("Chaîne de connexion « Cpro » absente : définissez CPRO_DB ou ConnectionStrings:Cpro.");

    /// <summary>Registers a module's DbContext on the shared database, in the module's schema (its migrations history too).</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, IConfiguration configuration, string schema)
        where TContext : ModuleDbContext
    {
        var connectionString = ConnectionString(configuration);
        services.AddDbContext<TContext>(options => options.UseNpgsql(connectionString,
            npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", schema)));
        services.AddSingleton(new ModuleDbContextRegistration(typeof(TContext).Assembly, typeof(TContext), schema));
        return services;
    }
}
