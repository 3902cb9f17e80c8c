using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Cpro.Etablissements.Siecle;

/// <summary>Inserts many rows with PostgreSQL's binary COPY, on the context's connection and so in its transaction.
/// Table and column names come from the EF model, so they cannot drift from the migrations.</summary>
internal static class CopieGroupee
{
    internal sealed record Colonne<T>(string Propriete, NpgsqlDbType Type, Func<T, object?> Valeur);

    public static async Task CopierAsync<T>(DbContext db, IReadOnlyCollection<T> lignes, IReadOnlyList<Colonne<T>> colonnes,
        CancellationToken cancellationToken)
    {
        if (lignes.Count == 0)
        {
            return;
        }
        var entite = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} n'est pas une entité.");
        var table = StoreObjectIdentifier.Table(entite.GetTableName()!, entite.GetSchema());
        var noms = colonnes.Select(c => $"\"{NomColonne(entite, c.Propriete, table)}\"");
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connexion = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copie = await connexion.BeginBinaryImportAsync(
            $"COPY \"{table.Schema}\".\"{table.Name}\" ({string.Join(", ", noms)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var ligne in lignes)
        {
            await copie.StartRowAsync(cancellationToken);
            foreach (var colonne in colonnes)
            {
                if (colonne.Valeur(ligne) is { } valeur)
                {
                    await EcrireAsync(copie, valeur, colonne.Type, cancellationToken);
                }
                else
                {
                    await copie.WriteNullAsync(cancellationToken);
                }
            }
        }
        await copie.CompleteAsync(cancellationToken);
    }

    /// <summary>Writes a value under its own type: written as <c>object</c>, Npgsql would resolve its converter again for every value.</summary>
    private static Task EcrireAsync(NpgsqlBinaryImporter copie, object valeur, NpgsqlDbType type, CancellationToken cancellationToken) => valeur switch
    {
        string v => copie.WriteAsync(v, type, cancellationToken),
        Guid v => copie.WriteAsync(v, type, cancellationToken),
        bool v => copie.WriteAsync(v, type, cancellationToken),
        int v => copie.WriteAsync(v, type, cancellationToken),
        DateOnly v => copie.WriteAsync(v, type, cancellationToken),
        DateTimeOffset v => copie.WriteAsync(v, type, cancellationToken),
        List<string> v => copie.WriteAsync(v, type, cancellationToken),
        _ => copie.WriteAsync(valeur, type, cancellationToken),
    };

    /// <summary>"Prop" or "Owned.Prop" (a property of an owned type stored in the same table).</summary>
    private static string NomColonne(IEntityType entite, string chemin, StoreObjectIdentifier table)
    {
        var parties = chemin.Split('.');
        var type = parties.Length == 2 ? entite.FindNavigation(parties[0])!.TargetEntityType : entite;
        return type.FindProperty(parties[^1])?.GetColumnName(table)
               ?? throw new InvalidOperationException($"Colonne inconnue : {typeof(IEntityType).Name}.{chemin}.");
    }
}
