using System.Globalization;
using System.Text;
using System.Text.Json;
using Cpro.Bench;
using Npgsql;

// Measures a SIECLE / STS-web import of a large establishment against the real host, beside a bare baseline
// measured in the same run. Started by build/bench/run.sh; exits 1 when a target is missed, 2 on a failure.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = Options(args);
var adresse = new Uri(options["url"]);
var pid = int.Parse(options["pid"], CultureInfo.InvariantCulture);
var repetitions = int.Parse(options.GetValueOrDefault("repetitions", "5"), CultureInfo.InvariantCulture);
const int Apprenants = 5_000, Responsables = 9_000, Personnels = 400, Divisions = 200;
var attendus = new Dictionary<string, int>
{
    ["apprenants"] = Apprenants, ["responsables"] = Responsables, ["personnels"] = Personnels, ["divisions"] = Divisions, ["groupes"] = Divisions / 2,
};

// The year the importer accepts: a school year starts in September and is named by its first calendar year.
var aujourdhui = DateTime.UtcNow;
var annee = aujourdhui.Month >= 9 ? aujourdhui.Year : aujourdhui.Year - 1;

// The machine's load, printed with the figures: on a shared machine, other work slows both sides of the comparison.
var chargeAvant = Charge();
try
{
    // Baseline: same files, same rows, nothing else. Warmed up here, then measured twice before each repetition of the
    // imports, so that both see the same machine (a shared machine's load changes during a run).
    var fichiersReference = new ExportsSynthetiques(Uai(), annee, Apprenants, Responsables, Personnels, Divisions).Fichiers();
    Console.WriteLine($"Export : {string.Join(", ", fichiersReference.Select(f => $"{f.Nom} {f.Contenu.Length / 1024.0 / 1024:0.0} Mo"))}");
    await using var source = NpgsqlDataSource.Create(options["db"]);
    await Reference.CreerTablesAsync(source);
    for (var i = 0; i < 3; i++)
    {
        await Reference.ExecuterAsync(source, fichiersReference);
    }
    var references = new List<TimeSpan>();

    using var hote = new Hote(adresse);
    await hote.ConnecterAsync(options["login"], options["password"]);
    var rssAvant = Hote.MemoireMo(pid, "VmRSS");

    // Warm-up on a smaller establishment: JIT and EF model building are not what is measured.
    var uaiChauffe = Uai();
    await hote.CreerEtablissementAsync(uaiChauffe);
    var chauffe = new ExportsSynthetiques(uaiChauffe, annee, 500, 900, 40, 20).Fichiers();
    await hote.ImporterAsync(uaiChauffe, chauffe);
    await hote.ImporterAsync(uaiChauffe, chauffe);

    var premiers = new List<TimeSpan>();
    var reimports = new List<TimeSpan>();
    for (var i = 0; i < repetitions; i++)
    {
        references.Add(await Reference.ExecuterAsync(source, fichiersReference));
        references.Add(await Reference.ExecuterAsync(source, fichiersReference));
        var uai = Uai();
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

    var reference = Mediane(references);
    var premierMedian = Mediane(premiers);
    var reimportMedian = Mediane(reimports);
    var ratio = premierMedian / reference;
    var lignes = new (string Mesure, string Valeur, string Cible, bool Atteinte)[]
    {
        ("Référence (XmlReader + COPY binaire)", $"{reference.TotalSeconds:0.000} s", "—", true),
        ("Premier import (médiane)", $"{premierMedian.TotalSeconds:0.000} s", "< 2 s", premierMedian < TimeSpan.FromSeconds(2)),
        ("Premier import / référence", $"{ratio:0.00} ×", "≤ 3 ×", ratio <= 3),
        ("Réimport inchangé (médiane)", $"{reimportMedian.TotalSeconds:0.000} s", "< 1 s", reimportMedian < TimeSpan.FromSeconds(1)),
        ("Pic de mémoire de l'hôte (VmHWM)", $"{pic:0} Mo", "< 300 Mo", pic < 300),
    };
    Console.WriteLine();
    Console.WriteLine($"{Apprenants} apprenants, {Responsables} responsables, {Personnels} personnels, {Divisions} divisions ; {repetitions} répétitions, {Environment.ProcessorCount} cœurs");
    Console.WriteLine($"Médianes de {references.Count} mesures de référence et de {repetitions} imports ; RSS de l'hôte avant les imports : {rssAvant:0} Mo");
    Console.WriteLine($"Charge de la machine (1 min) : {chargeAvant} au début, {Charge()} à la fin");
    Console.WriteLine();
    Console.WriteLine($"| {"Mesure",-36} | {"Valeur",-9} | {"Cible",-8} | Résultat |");
    Console.WriteLine($"|{new string('-', 38)}|{new string('-', 11)}|{new string('-', 10)}|----------|");
    foreach (var (mesure, valeur, cible, atteinte) in lignes)
    {
        Console.WriteLine($"| {mesure,-36} | {valeur,-9} | {cible,-8} | {(cible == "—" ? "" : atteinte ? "atteinte" : "MANQUÉE"),-8} |");
    }
    return lignes.All(l => l.Atteinte) ? 0 : 1;
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or NpgsqlException or IOException)
{
    Console.Error.WriteLine($"Mesure interrompue : {e.Message}");
    return 2;
}

static string Charge() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>();
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        options[args[i].TrimStart('-')] = args[i + 1];
    }
    foreach (var requise in new[] { "url", "pid", "db", "login", "password" })
    {
        if (!options.ContainsKey(requise))
        {
            throw new ArgumentException(
                $"Option --{requise} manquante. Usage : Cpro.Bench --url http://127.0.0.1:5090 --pid <pid de l'hôte> --db <chaîne de connexion> --login <admin> --password <mot de passe> [--repetitions 3]");
        }
    }
    return options;
}

// A fresh valid UAI: seven digits and their check letter.
static string Uai()
{
    var chiffres = Random.Shared.Next(1_000_000, 9_000_000).ToString("D7", CultureInfo.InvariantCulture);
    return chiffres + "ABCDEFGHJKLMNPRSTUVWXYZ"[(int)(long.Parse(chiffres, CultureInfo.InvariantCulture) % 23)];
}

static TimeSpan Mediane(List<TimeSpan> mesures)
{
    var triees = mesures.Order().ToList();
    return triees.Count % 2 == 1 ? triees[triees.Count / 2] : (triees[(triees.Count / 2) - 1] + triees[triees.Count / 2]) / 2;
}

static void VerifierPremier(JsonElement rapport, Dictionary<string, int> attendus)
{
    foreach (var (type, nombre) in attendus)
    {
        Attendre(rapport, type, ("crees", nombre), ("misAJour", 0), ("desactives", 0), ("inchanges", 0));
    }
    Egal(rapport.GetProperty("comptesCrees").GetInt32(), attendus["apprenants"] + attendus["personnels"], "comptesCrees");
}

static void VerifierInchange(JsonElement rapport, Dictionary<string, int> attendus)
{
    foreach (var (type, nombre) in attendus)
    {
        Attendre(rapport, type, ("crees", 0), ("misAJour", 0), ("desactives", 0), ("inchanges", nombre));
    }
    Egal(rapport.GetProperty("comptesCrees").GetInt32(), 0, "comptesCrees");
}

static void Attendre(JsonElement rapport, string type, params (string Compteur, int Valeur)[] compteurs)
{
    var compteursType = rapport.GetProperty(type);
    foreach (var (compteur, valeur) in compteurs)
    {
        Egal(compteursType.GetProperty(compteur).GetInt32(), valeur, $"{type}.{compteur}");
    }
    Egal(compteursType.GetProperty("rejets").GetArrayLength(), 0, $"{type}.rejets");
}

static void Egal(int lu, int attendu, string quoi)
{
    if (lu != attendu)
    {
        throw new InvalidOperationException($"Rapport inattendu : {quoi} = {lu}, attendu {attendu}.");
    }
}
