using System.Text.Json;
using Npgsql;

namespace Cpro.Bench;

/// <summary>A SIECLE / STS-web import of a large establishment, beside a bare baseline (XmlReader + binary COPY).</summary>
internal static class BancImport
{
    private const int Apprenants = 5_000, Responsables = 9_000, Personnels = 400, Divisions = 200;

    public static async Task<IReadOnlyList<Ligne>> MesurerAsync(Hote hote, NpgsqlDataSource source, int pid, int repetitions)
    {
        var attendus = new Dictionary<string, int>
        {
            ["apprenants"] = Apprenants, ["responsables"] = Responsables, ["personnels"] = Personnels, ["divisions"] = Divisions, ["groupes"] = Divisions / 2,
        };
        var annee = Mesures.AnneeScolaire();
        var chargeAvant = Mesures.Charge();

        // Baseline: same files, same rows, nothing else. Warmed up here, then measured twice before each repetition of the
        // imports, so that both see the same machine (a shared machine's load changes during a run).
        var fichiersReference = new ExportsSynthetiques(Mesures.Uai(), annee, Apprenants, Responsables, Personnels, Divisions).Fichiers();
        Console.WriteLine($"Export : {string.Join(", ", fichiersReference.Select(f => $"{f.Nom} {f.Contenu.Length / 1024.0 / 1024:0.0} Mo"))}");
        await Reference.CreerTablesAsync(source);
        for (var i = 0; i < 3; i++)
        {
            await Reference.ExecuterAsync(source, fichiersReference);
        }
        var references = new List<TimeSpan>();
        var rssAvant = Hote.MemoireMo(pid, "VmRSS");

        // Warm-up on a smaller establishment: JIT and the store's mappings, built at first use, are not what is measured. The
        // runtime recompiles a method optimized once it has run 30 times, and an import's per-request code (Kestrel, sign-in,
        // session) runs once an import: after the first, 30 unchanged re-imports, which are quick.
        var uaiChauffe = Mesures.Uai();
        await hote.CreerEtablissementAsync(uaiChauffe);
        var chauffe = new ExportsSynthetiques(uaiChauffe, annee, 500, 900, 40, 20).Fichiers();
        for (var i = 0; i <= 30; i++)
        {
            await hote.ImporterAsync(uaiChauffe, chauffe);
        }
        var repos = await Hote.AttendreReposAsync(pid);

        var premiers = new List<TimeSpan>();
        var reimports = new List<TimeSpan>();
        for (var i = 0; i < repetitions; i++)
        {
            references.Add(await Reference.ExecuterAsync(source, fichiersReference));
            references.Add(await Reference.ExecuterAsync(source, fichiersReference));
            var uai = Mesures.Uai();
            await hote.CreerEtablissementAsync(uai);
            var fichiers = new ExportsSynthetiques(uai, annee, Apprenants, Responsables, Personnels, Divisions).Fichiers();
            var (premier, rapport) = await hote.ImporterAsync(uai, fichiers);
            VerifierPremier(rapport, attendus);
            var (reimport, rapportReimport) = await hote.ImporterAsync(uai, fichiers);
            VerifierInchange(rapportReimport, attendus);
            premiers.Add(premier);
            reimports.Add(reimport);
            Console.WriteLine($"  {uai} : référence {references[^2].TotalSeconds:0.000} / {references[^1].TotalSeconds:0.000} s, premier import {premier.TotalSeconds:0.000} s, réimport inchangé {reimport.TotalSeconds:0.000} s");
        }
        var pic = Hote.MemoireMo(pid, "VmHWM");

        var reference = Mesures.Mediane(references);
        var premierMedian = Mesures.Mediane(premiers);
        var reimportMedian = Mesures.Mediane(reimports);
        var ratio = premierMedian / reference;
        var ratioReimport = reimportMedian / reference;
        Console.WriteLine();
        Console.WriteLine($"{Apprenants} apprenants, {Responsables} responsables, {Personnels} personnels, {Divisions} divisions ; {repetitions} répétitions, {Environment.ProcessorCount} cœurs");
        Console.WriteLine($"Médianes de {references.Count} mesures de référence et de {repetitions} imports ; RSS de l'hôte avant les imports : {rssAvant:0} Mo ; "
                          + $"hôte au repos {repos.TotalSeconds:0.0} s après la chauffe");
        Console.WriteLine($"Charge de la machine (1 min) : {chargeAvant} au début, {Mesures.Charge()} à la fin");
        return
        [
            new("Référence (XmlReader + COPY binaire)", $"{reference.TotalSeconds:0.000} s", "—", true),
            new("Premier import (médiane)", $"{premierMedian.TotalSeconds:0.000} s", "—", true),
            new("Premier import / référence", $"{ratio:0.00} ×", "≤ 2,5 ×", ratio <= 2.5),
            new("Réimport inchangé (médiane)", $"{reimportMedian.TotalSeconds:0.000} s", "—", true),
            new("Réimport inchangé / référence", $"{ratioReimport:0.00} ×", "≤ 1,5 ×", ratioReimport <= 1.5),
            new("Pic de mémoire de l'hôte (VmHWM)", $"{pic:0} Mo", "< 300 Mo", pic < 300),
        ];
    }

    private static void VerifierPremier(JsonElement rapport, Dictionary<string, int> attendus)
    {
        foreach (var (type, nombre) in attendus)
        {
            Attendre(rapport, type, ("crees", nombre), ("misAJour", 0), ("desactives", 0), ("inchanges", 0));
        }
        Egal(rapport.GetProperty("comptesCrees").GetInt32(), attendus["apprenants"] + attendus["personnels"], "comptesCrees");
    }

    private static void VerifierInchange(JsonElement rapport, Dictionary<string, int> attendus)
    {
        foreach (var (type, nombre) in attendus)
        {
            Attendre(rapport, type, ("crees", 0), ("misAJour", 0), ("desactives", 0), ("inchanges", nombre));
        }
        Egal(rapport.GetProperty("comptesCrees").GetInt32(), 0, "comptesCrees");
    }

    private static void Attendre(JsonElement rapport, string type, params (string Compteur, int Valeur)[] compteurs)
    {
        var compteursType = rapport.GetProperty(type);
        foreach (var (compteur, valeur) in compteurs)
        {
            Egal(compteursType.GetProperty(compteur).GetInt32(), valeur, $"{type}.{compteur}");
        }
        Egal(compteursType.GetProperty("rejets").GetArrayLength(), 0, $"{type}.rejets");
    }

    private static void Egal(int lu, int attendu, string quoi)
    {
        if (lu != attendu)
        {
            throw new InvalidOperationException($"Rapport inattendu : {quoi} = {lu}, attendu {attendu}.");
        }
    }
}
