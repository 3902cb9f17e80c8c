using System.Buffers;
using Cpro.Kernel.Persistence;
using JasperFx;
using Marten;
using NpgsqlTypes;

namespace Cpro.Etablissements.Siecle;

/// <summary>Inserts an import's thousands of new documents with PostgreSQL's binary COPY, on the command's connection, so
/// in its transaction and for the establishment named: Marten's BulkInsertAsync does neither. Each document is written
/// as the store writes it (its serializer, its table, its tenant column, a first revision), so the store reads it back as
/// its own.</summary>
internal static class CopieDocuments
{
    public static async Task CopierAsync<T>(UnitOfWork unitOfWork, IDocumentStore store, string tenant, IReadOnlyCollection<T> documents,
        Func<T, Guid> id, CancellationToken cancellationToken) where T : notnull
    {
        if (documents.Count == 0)
        {
            return;
        }
        var serialiseur = store.Options.Serializer();
        var revisionne = typeof(IRevisioned).IsAssignableFrom(typeof(T));
        // The version as Marten writes it: a revision number, or a Guid, the same for the whole copy: it names this write, and
        // a version is only ever compared with its own document's (a Guid per row costs a system call each, the column's
        // default an md5 each).
        const string colonnes = "tenant_id, id, data, mt_dotnet_type, mt_version";
        var version = Guid.NewGuid();
        var type = typeof(T).FullName!;
        var json = new ArrayBufferWriter<byte>(4096);
        await using var copie = await unitOfWork.Connection.BeginBinaryImportAsync(
            $"COPY {store.Table<T>()} ({colonnes}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var document in documents)
        {
            if (document is IRevisioned revision)
            {
                revision.Version = 1;
            }
            await copie.StartRowAsync(cancellationToken);
            await copie.WriteAsync(tenant, NpgsqlDbType.Varchar, cancellationToken);
            await copie.WriteAsync(id(document), NpgsqlDbType.Uuid, cancellationToken);
            // UTF-8 as the serializer writes it, rather than a string Npgsql would encode again.
            json.ResetWrittenCount();
            serialiseur.WriteTo(json, document);
            await copie.WriteAsync(json.WrittenMemory, NpgsqlDbType.Jsonb, cancellationToken);
            await copie.WriteAsync(type, NpgsqlDbType.Varchar, cancellationToken);
            if (revisionne)
            {
                await copie.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
            }
            else
            {
                await copie.WriteAsync(version, NpgsqlDbType.Uuid, cancellationToken);
            }
        }
        await copie.CompleteAsync(cancellationToken);
    }
}
