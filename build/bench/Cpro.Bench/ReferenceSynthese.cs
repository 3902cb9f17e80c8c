using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Cpro.Bench;

/// <summary>The bare baseline of a learner's synthesis: the same positionings the dashboard shows, one row each in a
/// plain table with the columns of the former scenarios.Positionnements and its index on (establishment, learner), read
/// straight with Npgsql, then the same rule applied in memory per competence. No HTTP, no authentication, no rights
/// check, no référentiel, no answer to write.</summary>
internal static class ReferenceSynthese
{
    private const string Table = "bench_grilles.suivi";

    /// <summary>One positioning as the dashboard gives it; the rank orders the positionings of one date (the
    /// evaluation's order in the dashboard, which is by date then creation).</summary>
    private sealed record Ligne(Guid Apprenant, Guid Evaluation, DateOnly Date, int Rang, string Item, string Competence, short Niveau, string? Commentaire);

    /// <summary>Writes the positionings the dashboards of these learners show (read through the API beforehand), then
    /// analyses the table.</summary>
    public static async Task RemplirAsync(NpgsqlDataSource source, Guid etablissement, IReadOnlyList<(Guid Apprenant, JsonElement Tableau)> tableaux)
    {
        await using (var commande = source.CreateCommand($"""
            DROP TABLE IF EXISTS {Table};
            CREATE TABLE {Table} (id uuid PRIMARY KEY, etablissement_id uuid NOT NULL, evaluation_id uuid NOT NULL, apprenant_id uuid NOT NULL,
                item varchar(20) NOT NULL, competence varchar(20) NOT NULL, niveau smallint NOT NULL, commentaire varchar(1000), date date NOT NULL,
                version_grille integer NOT NULL, modifie_le timestamptz NOT NULL, modifie_par varchar(200) NOT NULL);
            CREATE INDEX ON {Table} (etablissement_id, apprenant_id);
            """))
        {
            await commande.ExecuteNonQueryAsync();
        }
        var origine = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using var connexion = await source.OpenConnectionAsync();
        await using (var copie = await connexion.BeginBinaryImportAsync(
            $"COPY {Table} (id, etablissement_id, evaluation_id, apprenant_id, item, competence, niveau, commentaire, date, version_grille, modifie_le, modifie_par) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var ligne in tableaux.SelectMany(t => Lignes(t.Apprenant, t.Tableau)))
            {
                await copie.StartRowAsync();
                await copie.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await copie.WriteAsync(etablissement, NpgsqlDbType.Uuid);
                await copie.WriteAsync(ligne.Evaluation, NpgsqlDbType.Uuid);
                await copie.WriteAsync(ligne.Apprenant, NpgsqlDbType.Uuid);
                await copie.WriteAsync(ligne.Item, NpgsqlDbType.Varchar);
                await copie.WriteAsync(ligne.Competence, NpgsqlDbType.Varchar);
                await copie.WriteAsync(ligne.Niveau, NpgsqlDbType.Smallint);
                if (ligne.Commentaire is null)
                {
                    await copie.WriteNullAsync();
                }
                else
                {
                    await copie.WriteAsync(ligne.Commentaire, NpgsqlDbType.Varchar);
                }
                await copie.WriteAsync(ligne.Date, NpgsqlDbType.Date);
                await copie.WriteAsync(1, NpgsqlDbType.Integer);
                await copie.WriteAsync(origine.AddSeconds(ligne.Rang), NpgsqlDbType.TimestampTz);
                await copie.WriteAsync("Enseignant de mesure", NpgsqlDbType.Varchar);
            }
            await copie.CompleteAsync();
        }
        await using var analyse = new NpgsqlCommand($"ANALYZE {Table}", connexion);
        await analyse.ExecuteNonQueryAsync();
    }

    private static IEnumerable<Ligne> Lignes(Guid apprenant, JsonElement tableau)
    {
        var rangs = tableau.GetProperty("evaluations").EnumerateArray().Select((e, i) => (Id: e.GetProperty("id").GetGuid(), Rang: i))
            .ToDictionary(e => e.Id, e => e.Rang);
        foreach (var competence in tableau.GetProperty("referentiels").EnumerateArray().SelectMany(r => r.GetProperty("competences").EnumerateArray()))
        {
            foreach (var p in competence.GetProperty("positionnements").EnumerateArray())
            {
                var evaluation = p.GetProperty("evaluationId").GetGuid();
                yield return new Ligne(apprenant, evaluation, DateOnly.Parse(p.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    rangs[evaluation], p.GetProperty("item").GetString()!, competence.GetProperty("code").GetString()!, Niveau(p.GetProperty("valeur").GetString()!),
                    p.GetProperty("commentaire").GetString());
            }
        }
    }

    private static short Niveau(string valeur) => valeur switch
    {
        "ABS" => 9,
        "NE" => 0,
        _ => short.Parse(valeur, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>One bare read of the learner's positionings and the rule applied per competence, timed from taking a
    /// pooled connection to the last level; the number of competences given a level.</summary>
    public static async Task<(TimeSpan Duree, int Syntheses)> LireAsync(NpgsqlDataSource source, Guid etablissement, Guid apprenant, string regle)
    {
        var chrono = Stopwatch.StartNew();
        var lignes = new List<(string Competence, DateOnly Date, DateTime Rang, short Niveau)>();
        await using (var connexion = await source.OpenConnectionAsync())
        await using (var commande = new NpgsqlCommand(
            $"SELECT evaluation_id, date, modifie_le, item, competence, niveau, commentaire FROM {Table} WHERE etablissement_id = $1 AND apprenant_id = $2", connexion))
        {
            commande.Parameters.Add(new NpgsqlParameter { Value = etablissement, NpgsqlDbType = NpgsqlDbType.Uuid });
            commande.Parameters.Add(new NpgsqlParameter { Value = apprenant, NpgsqlDbType = NpgsqlDbType.Uuid });
            await using var lecteur = await commande.ExecuteReaderAsync();
            while (await lecteur.ReadAsync())
            {
                lignes.Add((lecteur.GetString(4), lecteur.GetFieldValue<DateOnly>(1), lecteur.GetDateTime(2), lecteur.GetInt16(5)));
            }
        }
        var syntheses = lignes.GroupBy(l => l.Competence)
            .Select(g => Regle(regle, [.. g.Where(l => l.Niveau is >= 1 and <= 4).OrderBy(l => l.Date).ThenBy(l => l.Rang).Select(l => l.Niveau)]))
            .Count(n => n is not null);
        return (chrono.Elapsed, syntheses);
    }

    /// <summary>The four rules on the degrees of one competence, oldest first.</summary>
    private static short? Regle(string regle, List<short> degres)
    {
        if (degres.Count == 0)
        {
            return null;
        }
        return regle switch
        {
            "meilleur" => degres.Max(),
            "moyenneArrondie" => (short)Math.Round(degres.Average(d => (double)d), MidpointRounding.AwayFromZero),
            "plusFrequent" => degres.Select((d, i) => (d, i)).GroupBy(x => x.d)
                .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(x => x.i)).First().Key,
            _ => degres[^1],
        };
    }
}
