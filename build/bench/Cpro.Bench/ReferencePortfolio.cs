using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Cpro.Bench;

/// <summary>The bare baseline of a portfolio page: the documents the page shows, read straight from the tables the store
/// keeps them in, in one round trip (one batch of five SELECTs), by the establishment (Marten's tenant) and ids, on the
/// same expression indexes the store's queries use; each document's JSON parsed (JsonDocument), not mapped to types.
/// No HTTP, no cookie, no rights check, no référentiel, no names of people, no HTML.</summary>
internal static class ReferencePortfolio
{
    private const string ParPeriodeEtApprenant =
        "tenant_id = $1 AND CAST(data ->> 'PeriodeId' AS uuid) = $2 AND CAST(data ->> 'ApprenantId' AS uuid) = $3";

    private static readonly string[] Requetes =
    [
        // The period (title, dates, tasks, referents) and the learner's assignment on it (company, tutor).
        "SELECT data FROM periodes.mt_doc_periodeentreprise WHERE tenant_id = $1 AND id = $2",
        $"SELECT data FROM periodes.mt_doc_affectationentreprise WHERE {ParPeriodeEtApprenant}",
        // The learner's fiches activités, journal entries and the comments on them.
        $"SELECT data FROM portfolio.mt_doc_ficheactivite WHERE {ParPeriodeEtApprenant}",
        $"SELECT data FROM portfolio.mt_doc_entreejournal WHERE {ParPeriodeEtApprenant}",
        $"SELECT data FROM portfolio.mt_doc_commentairejournal WHERE {ParPeriodeEtApprenant}",
    ];

    /// <summary>The store's tenant id of the establishment that holds this period.</summary>
    public static async Task<string> LocataireAsync(NpgsqlDataSource source, Guid periode)
    {
        await using var commande = source.CreateCommand("SELECT tenant_id FROM periodes.mt_doc_periodeentreprise WHERE id = $1");
        commande.Parameters.Add(new NpgsqlParameter { Value = periode, NpgsqlDbType = NpgsqlDbType.Uuid });
        return (string?)await commande.ExecuteScalarAsync() ?? throw new InvalidOperationException($"Période {periode} introuvable dans la base.");
    }

    /// <summary>One bare read, timed from taking a pooled connection to the last document parsed; the number of documents.</summary>
    public static async Task<(TimeSpan Duree, int Documents)> LireAsync(NpgsqlDataSource source, string locataire, Guid periode, Guid apprenant)
    {
        var chrono = Stopwatch.StartNew();
        var documents = 0;
        await using (var connexion = await source.OpenConnectionAsync())
        await using (var lot = new NpgsqlBatch(connexion))
        {
            foreach (var (sql, i) in Requetes.Select((s, i) => (s, i)))
            {
                var commande = new NpgsqlBatchCommand(sql);
                commande.Parameters.Add(new NpgsqlParameter { Value = locataire, NpgsqlDbType = NpgsqlDbType.Varchar });
                commande.Parameters.Add(new NpgsqlParameter { Value = periode, NpgsqlDbType = NpgsqlDbType.Uuid });
                if (i > 0)
                {
                    commande.Parameters.Add(new NpgsqlParameter { Value = apprenant, NpgsqlDbType = NpgsqlDbType.Uuid });
                }
                lot.BatchCommands.Add(commande);
            }
            await using var lecteur = await lot.ExecuteReaderAsync();
            do
            {
                while (await lecteur.ReadAsync())
                {
                    using var document = JsonDocument.Parse(lecteur.GetString(0));
                    documents += document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
                }
            }
            while (await lecteur.NextResultAsync());
        }
        return (chrono.Elapsed, documents);
    }
}
