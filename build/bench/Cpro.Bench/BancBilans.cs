using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Cpro.Bench;

/// <summary>Issue 15's console de pilotage: a 1,500-learner establishment (50 Seconde divisions of 30, imported) with three
/// school years of official periods (three trimesters each) and their bilans intermédiaires (9 in 10 finalised on past
/// trimesters, 4 in 10 on the current one, some drafts; about 12,000 bilans of ten competences with their evidence), 3 % of
/// the learners gone. Measured: the DDFTP's indicators (GET /api/bilans/indicateurs) beside one bare SQL aggregation of the
/// same counts from the same tables, alternately in each round. The bilans are written in SQL straight into the store's
/// table, as the store writes them, since 12,000 teachers' saves through the API would take the whole run.</summary>
internal static class BancBilans
{
    private const int Divisions = 50, ParDivision = 30, Personnels = 20, MesuresParTour = 10;
    private const string MotDePasse = "Banc-Bilans-Cpro-2026";
    private const double Cible = 2;

    public static async Task<IReadOnlyList<Ligne>> MesurerAsync(Hote plateforme, NpgsqlDataSource source, Uri adresse, int pid, int tours, string courriels)
    {
        var chargeAvant = Mesures.Charge();
        using var etablissement = await EtablissementMesure.CreerAsync(plateforme, adresse, courriels, MotDePasse, Divisions, ParDivision, Personnels);
        using var ddftp = await etablissement.DdftpAsync();
        await EtablissementMesure.AbonnerAsync(ddftp, Enumerable.Range(0, Divisions).Select(d => $"D{d:000}"));
        var annee = Mesures.AnneeScolaire();
        foreach (var an in new[] { annee - 2, annee - 1, annee })
        {
            await ddftp.JsonAsync(HttpMethod.Put, $"/api/periodes/officielles/{EtablissementMesure.Referentiel}/SECONDE?annee={an}", new
            {
                version = (string?)null,
                periodes = new[]
                {
                    Trimestre("Trimestre 1", new DateOnly(an, 9, 1), new DateOnly(an, 11, 30)),
                    Trimestre("Trimestre 2", new DateOnly(an, 12, 1), new DateOnly(an + 1, 3, 15)),
                    Trimestre("Trimestre 3", new DateOnly(an + 1, 3, 16), new DateOnly(an + 1, 7, 4)),
                },
            });
        }
        var locataire = await LocataireAsync(source, etablissement.Uai);
        var (bilans, partis) = await EcrireBilansAsync(source, locataire);
        var chargePreparation = Mesures.Charge();

        var page = new List<TimeSpan>();
        var nue = new List<TimeSpan>();
        var cpu = TimeSpan.Zero;
        var divisions = 0;
        // Round 0 warms up both sides (JIT, query plans, pools) and is not counted.
        for (var tour = 0; tour <= tours; tour++)
        {
            var nueDuTour = new List<TimeSpan>();
            var pageDuTour = new List<TimeSpan>();
            var cpuAvant = Hote.Cpu(pid);
            for (var i = 0; i < MesuresParTour; i++)
            {
                nueDuTour.Add(await AgregerAsync(source, locataire, annee));
                var (duree, statut, corps) = await ddftp.ChronometrerAsync(HttpMethod.Get, "/api/bilans/indicateurs");
                if (statut != 200)
                {
                    throw new InvalidOperationException($"Indicateurs : HTTP {statut} {corps}");
                }
                divisions = JsonDocument.Parse(corps).RootElement.GetProperty("divisions").GetArrayLength();
                pageDuTour.Add(duree);
            }
            if (tour == 0)
            {
                continue;
            }
            cpu += Hote.Cpu(pid) - cpuAvant;
            nue.AddRange(nueDuTour);
            page.AddRange(pageDuTour);
            Console.WriteLine($"  tour {tour} : agrégation nue p95 {Mesures.Ms(Mesures.Centile(nueDuTour, 95))}, indicateurs p95 {Mesures.Ms(Mesures.Centile(pageDuTour, 95))} "
                              + $"(charge {Mesures.Charge()})");
        }
        if (divisions != Divisions)
        {
            throw new InvalidOperationException($"Les indicateurs donnent {divisions} divisions au lieu de {Divisions}.");
        }

        var (nueP95, pageP95) = (Mesures.Centile(nue, 95), Mesures.Centile(page, 95));
        var rapport = pageP95 / nueP95;
        Console.WriteLine();
        Console.WriteLine($"Établissement : {Divisions * ParDivision} apprenants ({partis} partis) en {Divisions} divisions, 3 années de 3 trimestres, {bilans} bilans ; "
                          + $"{MesuresParTour} mesures de chaque côté par tour, {tours} tours (+ 1 de chauffe) ; {Environment.ProcessorCount} cœurs");
        Console.WriteLine($"  Agrégation SQL nue (2 requêtes en un lot) : {Mesures.Resume(nue)}");
        Console.WriteLine($"  GET /api/bilans/indicateurs (DDFTP) : {Mesures.Resume(page)}");
        Console.WriteLine($"  CPU de l'hôte : {cpu.TotalMilliseconds / page.Count:0.0} ms par requête");
        Console.WriteLine($"Charge de la machine (1 min) : {chargeAvant} au début, {chargePreparation} après la préparation, {Mesures.Charge()} à la fin");
        return
        [
            new("Agrégation SQL nue des mêmes comptes (p95)", Mesures.Ms(nueP95), "—", true),
            new("Indicateurs de la console (p95)", Mesures.Ms(pageP95), "—", true),
            new("Indicateurs / agrégation nue (p95)", rapport.ToString("0.00 ×", CultureInfo.InvariantCulture), $"≤ {Cible:0} ×", rapport <= Cible),
        ];
    }

    private static object Trimestre(string libelle, DateOnly debut, DateOnly fin) =>
        new { type = "trimestre", libelle, debut = debut.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), fin = fin.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };

    private static async Task<string> LocataireAsync(NpgsqlDataSource source, string uai)
    {
        await using var commande = source.CreateCommand("SELECT id::text FROM etablissements.mt_doc_etablissement WHERE data ->> 'Uai' = $1");
        commande.Parameters.Add(new NpgsqlParameter { Value = uai });
        return (string?)await commande.ExecuteScalarAsync() ?? throw new InvalidOperationException($"Établissement {uai} introuvable dans la base.");
    }

    /// <summary>Every begun trimester's bilan for most learners, as the store serialises a Bilan (same fields, same table,
    /// numeric revision 1); 3 % of the learners then deactivated, as an import leaves those gone. Returns the counts.</summary>
    private static async Task<(int Bilans, int Partis)> EcrireBilansAsync(NpgsqlDataSource source, string locataire)
    {
        var competences = JsonSerializer.Serialize(Enumerable.Range(1, 10).Select(c => new Dictionary<string, object?>
        {
            ["Code"] = $"C{c}", ["Intitule"] = $"Compétence {c} du référentiel, telle que le référentiel l'intitule", ["NiveauCalcule"] = "3",
            ["Explication"] = "Dernier des 2 positionnements, le 12/10/2026 : 3 Maîtrisé.", ["Niveau"] = c == 2 ? "4" : null, ["Commentaire"] = null, ["Retenu"] = c == 2 ? "4" : "3",
            ["Preuves"] = Enumerable.Range(0, 2).Select(p => new Dictionary<string, object>
            {
                ["EvaluationId"] = Guid.NewGuid(), ["Titre"] = "Câbler et raccorder un tableau de distribution", ["Date"] = "2026-10-12", ["Enseignant"] = "Alessandro VOLTA",
                ["EnEntreprise"] = false, ["Item"] = $"C{c}", ["Niveau"] = "3",
            }),
        }));
        const string Sql = """
            WITH a AS (
                SELECT data ->> 'UtilisateurId' AS uid, data ->> 'Division' AS division FROM etablissements.mt_doc_apprenant
                WHERE tenant_id = $1 AND data ->> 'UtilisateurId' IS NOT NULL),
            p AS (
                SELECT id, data ->> 'Libelle' AS libelle, (data ->> 'Debut')::date AS debut, (data ->> 'Fin')::date AS fin, (data ->> 'AnneeScolaire')::int AS annee
                FROM periodes.mt_doc_periodeofficielle WHERE tenant_id = $1 AND (data ->> 'Debut')::date <= current_date),
            x AS (
                SELECT gen_random_uuid() AS id, a.*, p.id AS pid, p.libelle, p.debut, p.fin, p.annee, abs(hashtext(a.uid || p.id::text)) % 10 AS tirage,
                       p.fin >= current_date AS courante
                FROM a CROSS JOIN p)
            INSERT INTO bilans.mt_doc_bilan (tenant_id, id, data, mt_version, mt_dotnet_type)
            SELECT $1, x.id, jsonb_build_object(
                'Id', x.id, 'Cle', replace(x.uid, '-', '') || ':' || replace(x.pid::text, '-', '') || ':BACPRO-MELEC', 'ApprenantId', x.uid,
                'Division', x.division, 'Referentiel', 'BACPRO-MELEC', 'ReferentielIntitule', 'Métiers de l''Électricité et de ses Environnements Connectés',
                'NiveauClasse', 'SECONDE', 'Type', 'intermediaire', 'PeriodeId', x.pid, 'PeriodeLibelle', x.libelle, 'Debut', x.debut, 'Fin', x.fin,
                'AnneeScolaire', x.annee, 'Regle', 'le dernier positionnement', 'Competences', $2::jsonb,
                'Appreciation', 'Travail régulier ; doit gagner en autonomie sur les mises en service.', 'CreeLe', now(), 'CreePar', 'Alessandro VOLTA',
                'ModifieLe', now(), 'ModifiePar', 'Alessandro VOLTA',
                'FinaliseLe', CASE WHEN x.tirage < (CASE WHEN x.courante THEN 4 ELSE 9 END) THEN now() END,
                'FinalisePar', CASE WHEN x.tirage < (CASE WHEN x.courante THEN 4 ELSE 9 END) THEN 'Alessandro VOLTA' END,
                'Historique', '[]'::jsonb, 'Version', 1), 1, 'Cpro.Bilans.Domain.Bilan'
            FROM x WHERE x.tirage < (CASE WHEN x.courante THEN 6 ELSE 10 END) AND (x.courante OR x.tirage <> 9 OR abs(hashtext(x.uid)) % 2 = 0)
            """;
        await using var connexion = await source.OpenConnectionAsync();
        await using var insertion = new NpgsqlCommand(Sql, connexion);
        insertion.Parameters.Add(new NpgsqlParameter { Value = locataire, NpgsqlDbType = NpgsqlDbType.Varchar });
        insertion.Parameters.Add(new NpgsqlParameter { Value = competences, NpgsqlDbType = NpgsqlDbType.Text });
        var bilans = await insertion.ExecuteNonQueryAsync();
        await using var departs = new NpgsqlCommand(
            "UPDATE etablissements.mt_doc_apprenant SET data = jsonb_set(data, '{Actif}', 'false') WHERE tenant_id = $1 AND abs(hashtext(id::text)) % 100 < 3", connexion);
        departs.Parameters.Add(new NpgsqlParameter { Value = locataire, NpgsqlDbType = NpgsqlDbType.Varchar });
        var partis = await departs.ExecuteNonQueryAsync();
        await using var analyse = new NpgsqlCommand("ANALYZE bilans.mt_doc_bilan; ANALYZE etablissements.mt_doc_apprenant", connexion);
        await analyse.ExecuteNonQueryAsync();
        return (bilans, partis);
    }

    /// <summary>The bare baseline: the same counts (per division and trimester of the year, bilans finalised, drafts and expected
    /// among active learners; per division, learners without an INE and learners gone) in one batch of two aggregating SELECTs
    /// on the same tables, timed from taking a pooled connection to the last row read. No HTTP, no rights, no names, no JSON.</summary>
    private static async Task<TimeSpan> AgregerAsync(NpgsqlDataSource source, string locataire, int annee)
    {
        const string ParPeriode = """
            WITH a AS (
                SELECT (data ->> 'UtilisateurId')::uuid AS id, data ->> 'Division' AS division FROM etablissements.mt_doc_apprenant
                WHERE tenant_id = $1 AND data ->> 'UtilisateurId' IS NOT NULL AND (data ->> 'Actif')::boolean),
            p AS (SELECT id FROM periodes.mt_doc_periodeofficielle WHERE tenant_id = $1 AND (data ->> 'AnneeScolaire')::int = $2),
            b AS (
                SELECT (data ->> 'ApprenantId')::uuid AS apprenant, (data ->> 'PeriodeId')::uuid AS periode, data ->> 'FinaliseLe' IS NOT NULL AS finalise
                FROM bilans.mt_doc_bilan WHERE tenant_id = $1 AND (data ->> 'AnneeScolaire')::int = $2)
            SELECT a.division, p.id, count(*) AS attendus, count(*) FILTER (WHERE b.finalise) AS finalises, count(*) FILTER (WHERE NOT b.finalise) AS brouillons
            FROM a CROSS JOIN p LEFT JOIN b ON b.apprenant = a.id AND b.periode = p.id
            GROUP BY a.division, p.id
            """;
        const string ParDivisionSql = """
            SELECT data ->> 'Division', count(*) FILTER (WHERE (data ->> 'Actif')::boolean AND coalesce(data ->> 'Ine', '') = ''),
                   count(*) FILTER (WHERE NOT (data ->> 'Actif')::boolean)
            FROM etablissements.mt_doc_apprenant WHERE tenant_id = $1 AND data ->> 'UtilisateurId' IS NOT NULL GROUP BY 1
            """;
        var chrono = Stopwatch.StartNew();
        await using var connexion = await source.OpenConnectionAsync();
        await using var lot = new NpgsqlBatch(connexion);
        foreach (var sql in new[] { ParPeriode, ParDivisionSql })
        {
            var commande = new NpgsqlBatchCommand(sql);
            commande.Parameters.Add(new NpgsqlParameter { Value = locataire, NpgsqlDbType = NpgsqlDbType.Varchar });
            if (sql == ParPeriode)
            {
                commande.Parameters.Add(new NpgsqlParameter { Value = annee, NpgsqlDbType = NpgsqlDbType.Integer });
            }
            lot.BatchCommands.Add(commande);
        }
        await using var lecteur = await lot.ExecuteReaderAsync();
        var lignes = 0;
        do
        {
            while (await lecteur.ReadAsync())
            {
                lignes++;
            }
        }
        while (await lecteur.NextResultAsync());
        return lignes > 0 ? chrono.Elapsed : throw new InvalidOperationException("L'agrégation nue ne donne aucune ligne.");
    }
}
