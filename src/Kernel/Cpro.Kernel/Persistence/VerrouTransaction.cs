using Npgsql;

namespace Cpro.Kernel.Persistence;

/// <summary>Serialises the transactions that read, check, then write the same thing (a quota, a version, free logins…):
/// a PostgreSQL advisory lock named by a key, held until the current transaction ends. The second one waits, then reads
/// what the first one wrote. The key names what is protected, e.g. « cpro.ressources:{establishment} ».</summary>
public static class VerrouTransaction
{
    public static async Task VerrouillerAsync(this UnitOfWork unitOfWork, string cle, CancellationToken cancellationToken)
    {
        await using var commande = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", unitOfWork.Connection);
        commande.Parameters.Add(new NpgsqlParameter { Value = cle });
        await commande.ExecuteNonQueryAsync(cancellationToken);
    }
}
