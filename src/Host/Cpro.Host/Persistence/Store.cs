using System.Text.Json.Serialization;
using Cpro.Kernel.Persistence;
using JasperFx;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Weasel.Core;

namespace Cpro.Host.Persistence;

/// <summary>The one Marten document store of every module, on CPRO_DB. Each module declares its documents in its own
/// schema (<c>services.ConfigureMarten</c> in its AddServices); a document belongs to one establishment (Marten's
/// conjoined tenancy, the tenant being the establishment) unless its module declares it global.</summary>
internal static class Store
{
    public const string SchemaEvenements = "evenements";

    public static IServiceCollection AddCproStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMarten(options =>
        {
            options.Connection(ModulePersistence.ConnectionString(configuration));
            // Marten's own objects (sequences, functions) go here rather than in public.
            options.DatabaseSchemaName = "cpro";
            options.Policies.AllDocumentsAreMultiTenanted();
            options.Events.TenancyStyle = TenancyStyle.Conjoined;
            options.Events.DatabaseSchemaName = SchemaEvenements;
            options.Events.StreamIdentity = StreamIdentity.AsGuid;
            // Absent rather than null: an import writes thousands of documents, each with a few empty fields.
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString,
                configure: json => json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
            // The schema is applied at start (StartupService), never in the middle of a request.
            options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        });
        services.AddScoped<UnitOfWork>();
        // Every module's uploaded files share the establishment's space (each module registers what its files take).
        services.AddScoped<Cpro.Kernel.Fichiers.EspaceFichiers>();
        // Resolved at each use: a handler built after a failed command gets the session that replaced it.
        services.Replace(ServiceDescriptor.Transient<IDocumentSession>(sp => sp.GetRequiredService<UnitOfWork>().Session));
        services.Replace(ServiceDescriptor.Transient<IQuerySession>(sp => sp.GetRequiredService<UnitOfWork>().Session));
        return services;
    }
}
