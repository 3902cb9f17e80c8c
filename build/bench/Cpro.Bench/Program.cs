using System.Globalization;
using System.Text;
using Cpro.Bench;
using Npgsql;

// Benchmarks against the real host, each beside a bare baseline measured in the same run: the SIECLE / STS-web import
// of a large establishment ("import"), and positioning grids saved by 20 teachers at once with a learner's synthesis
// over three years ("grilles"), a learner's and a tutor's portfolio pages with 20 users at once ("portfolio"), a book's
// PDF export beside PDFsharp alone ("book"), the console de pilotage's indicators of a 1,500-learner establishment over three
// years ("bilans"); all of them by default ("tout"). Started by build/bench/run.sh; exits 1 when a target is
// missed, 2 on a failure.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = Options(args);
var banc = options.GetValueOrDefault("banc", "tout");
if (banc is not ("import" or "grilles" or "portfolio" or "book" or "bilans" or "tout"))
{
    Console.Error.WriteLine($"Banc « {banc} » inconnu : import, grilles, portfolio, book, bilans ou tout.");
    return 2;
}
int Entier(string nom, int defaut) => int.Parse(options.GetValueOrDefault(nom, defaut.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

try
{
    await using var source = NpgsqlDataSource.Create(options["db"]);
    var adresse = new Uri(options["url"]);
    using var hote = new Hote(adresse);
    await hote.ConnecterAsync(options["login"], options["password"]);
    var lignes = new List<Ligne>();
    if (banc is "import" or "tout")
    {
        Console.WriteLine("## Import SIECLE / STS-web");
        var import = await BancImport.MesurerAsync(hote, source, Entier("pid", 0), Entier("repetitions", 5));
        Mesures.Tableau(import);
        lignes.AddRange(import);
    }
    if (banc is "grilles" or "tout")
    {
        Console.WriteLine("## Grilles de positionnement et synthèse");
        var grilles = await BancGrilles.MesurerAsync(hote, source, adresse, Entier("pid", 0), Entier("tours", 5), Entier("mises-a-jour", 10),
            options.GetValueOrDefault("courriels", Path.Combine("build", "bench", "out", "courriels")));
        Mesures.Tableau(grilles);
        lignes.AddRange(grilles);
    }
    if (banc is "portfolio" or "tout")
    {
        Console.WriteLine("## Portfolio : pages de l'apprenant et du tuteur");
        var portfolio = await BancPortfolio.MesurerAsync(hote, source, adresse, Entier("pid", 0), Entier("tours", 5),
            options.GetValueOrDefault("courriels", Path.Combine("build", "bench", "out", "courriels")),
            new JournalHote(options.GetValueOrDefault("journal", Path.Combine("build", "bench", "out", "host.log"))));
        Mesures.Tableau(portfolio);
        lignes.AddRange(portfolio);
    }
    if (banc is "book" or "tout")
    {
        Console.WriteLine("## Book : export PDF de 20 réussites");
        var book = await BancBook.MesurerAsync(hote, adresse, Entier("pid", 0), Entier("tours", 5),
            options.GetValueOrDefault("courriels", Path.Combine("build", "bench", "out", "courriels")));
        Mesures.Tableau(book);
        lignes.AddRange(book);
    }
    if (banc is "bilans" or "tout")
    {
        Console.WriteLine("## Bilans : indicateurs de la console de pilotage");
        var bilans = await BancBilans.MesurerAsync(hote, source, adresse, Entier("pid", 0), Entier("tours", 5),
            options.GetValueOrDefault("courriels", Path.Combine("build", "bench", "out", "courriels")));
        Mesures.Tableau(bilans);
        lignes.AddRange(bilans);
    }
    return lignes.All(l => l.Atteinte) ? 0 : 1;
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or NpgsqlException or IOException or KeyNotFoundException)
{
    Console.Error.WriteLine($"Mesure interrompue : {e.Message}");
    return 2;
}

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
                $"Option --{requise} manquante. Usage : Cpro.Bench --url http://127.0.0.1:5090 --pid <pid de l'hôte> --db <chaîne de connexion> --login <admin> --password <mot de passe> "
                + "[--banc import|grilles|portfolio|book|tout] [--repetitions 5] [--tours 5] [--mises-a-jour 10] [--courriels <CPRO_MAIL_DIR de l'hôte>] [--journal <journal de l'hôte>]");
        }
    }
    return options;
}
