using Microsoft.Extensions.Configuration;

namespace Cpro.Kernel.Persistence;

public static class ModulePersistence
{
    public const string ConnectionStringName = "Cpro";

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException("Chaîne de connexion « Cpro » absente : définissez CPRO_DB ou ConnectionStrings:Cpro.");
}
