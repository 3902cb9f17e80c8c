using System.Text.RegularExpressions;
using Cpro.IntegrationTests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Cpro.IntegrationTests.Browser;

/// <summary>The portal as build/run.sh shows it (the demo establishment), in chromium.</summary>
public sealed class DemoBrowserFixture : BrowserFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("CPRO_DEMO", "true");
    }
}

/// <summary>axe-core on every page each profile reaches from its home page by following links, on a desktop and on a
/// phone screen: no serious or critical violation. With CPRO_CAPTURES=&lt;folder&gt; (build/captures.sh), it also takes the
/// screenshots of docs/captures.</summary>
public sealed partial class AccessibiliteTests(DemoBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<DemoBrowserFixture>
{
    private const string MotDePasseDemo = "Demo-Cpro-2026";
    private const int PagesMax = 60;

    private static readonly (string Nom, ViewportSize Taille)[] Ecrans =
    [
        ("bureau", new ViewportSize { Width = 1366, Height = 768 }),
        ("téléphone", new ViewportSize { Width = 390, Height = 844 }),
    ];

    private static readonly (string Login, string MotDePasse)[] Comptes =
    [
        (CproFactory.AdminLogin, CproFactory.AdminPassword),
        ("demo.admin", MotDePasseDemo),
        ("demo.chef", MotDePasseDemo),
        ("demo.ddftp", MotDePasseDemo),
        ("demo.enseignant", MotDePasseDemo),
        ("demo.eleve", MotDePasseDemo),
        ("demo.tuteur", MotDePasseDemo),
        ("demo.apprenti", MotDePasseDemo),
        ("demo.maitre", MotDePasseDemo),
    ];

    private readonly string? _captures = Environment.GetEnvironmentVariable("CPRO_CAPTURES");

    [Fact]
    public async Task Every_page_of_every_profile_has_no_serious_violation_on_a_desktop_or_a_phone()
    {
        var violations = new List<string>();
        var visitees = 0;
        foreach (var (ecran, taille) in Ecrans)
        {
            await using (var anonyme = await ContexteAsync(taille))
            {
                var page = await anonyme.NewPageAsync();
                foreach (var chemin in new[] { "/connexion", "/erreur/404" })
                {
                    await page.GotoAsync(chemin);
                    violations.AddRange(await AnalyserAsync(page, $"anonyme, {ecran}", chemin));
                    visitees++;
                }
            }
            foreach (var (login, motDePasse) in Comptes)
            {
                await using var contexte = await ContexteAsync(taille);
                var page = await contexte.NewPageAsync();
                await BrowserFixture.SeConnecterAsync(page, login, motDePasse);
                var chemins = await ParcourirAsync(page, async chemin =>
                {
                    violations.AddRange(await AnalyserAsync(page, $"{login}, {ecran}", chemin));
                    visitees++;
                    await CapturerAsync(page, login, ecran, chemin);
                });
                output.WriteLine($"{login}, {ecran} : {chemins.Count} pages — {string.Join(" ", chemins)}");
            }
        }

        output.WriteLine($"{visitees} pages analysées.");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private Task<IBrowserContext> ContexteAsync(ViewportSize taille) =>
        fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, ViewportSize = taille, Locale = "fr-FR" });

    /// <summary>Breadth first from the home page, following the portal's own links (no downloads, no API, at most three
    /// pages per route so that lists of many items do not multiply the same page).</summary>
    private static async Task<List<string>> ParcourirAsync(IPage page, Func<string, Task> visiter)
    {
        var vus = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var parRoute = new Dictionary<string, int>(StringComparer.Ordinal);
        var aVisiter = new Queue<string>(["/"]);
        var visites = new List<string>();
        while (aVisiter.TryDequeue(out var chemin) && visites.Count < PagesMax)
        {
            var reponse = await page.GotoAsync(chemin);
            Assert.True(reponse is { Ok: true } || reponse?.Status == 404, $"{chemin} : HTTP {reponse?.Status}");
            await visiter(chemin);
            visites.Add(chemin);
            var liens = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "liens => liens.map(l => l.getAttribute('href'))");
            foreach (var lien in liens.Select(Interne).OfType<string>())
            {
                var route = Guid().Replace(lien.Split('?')[0], "{id}");
                if (vus.Add(lien) && (parRoute[route] = parRoute.GetValueOrDefault(route) + 1) <= 3)
                {
                    aVisiter.Enqueue(lien);
                }
            }
        }
        return visites;
    }

    /// <summary>A link to one of the portal's pages, without its fragment; null for anything else.</summary>
    private static string? Interne(string href)
    {
        var chemin = href.Split('#')[0];
        if (!chemin.StartsWith('/') || chemin.StartsWith("//", StringComparison.Ordinal) || chemin.StartsWith("/api/", StringComparison.Ordinal)
            || chemin.StartsWith("/openapi", StringComparison.Ordinal) || chemin.StartsWith("/health", StringComparison.Ordinal)
            || Telechargement().IsMatch(chemin.Split('?')[0]))
        {
            return null;
        }
        return chemin;
    }

    private static async Task<IEnumerable<string>> AnalyserAsync(IPage page, string qui, string chemin)
    {
        var resultat = await page.RunAxe();
        return resultat.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{qui} {chemin} : {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
    }

    /// <summary>docs/captures: each profile's home page, the grid on a desktop, the learner's overview on a phone.</summary>
    private async Task CapturerAsync(IPage page, string login, string ecran, string chemin)
    {
        var nom = (login, ecran, chemin) switch
        {
            (_, "bureau", "/") when login != CproFactory.AdminLogin => $"accueil-{login.Replace("demo.", "", StringComparison.Ordinal)}",
            (CproFactory.AdminLogin, "bureau", "/") => "accueil-plateforme",
            ("demo.enseignant", "bureau", _) when chemin.StartsWith("/scenarios/evaluations/", StringComparison.Ordinal) => "grille",
            ("demo.eleve", "téléphone", _) when chemin.StartsWith("/suivi/", StringComparison.Ordinal) => "apprenant-telephone",
            _ => null,
        };
        if (_captures is null || nom is null)
        {
            return;
        }
        Directory.CreateDirectory(_captures);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_captures, $"{nom}.png"), FullPage = ecran == "bureau" && nom != "grille" });
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\.(csv|docx|odt|pdf|xml|zip|png|jpg|svg)$|/telecharger|/fichier", RegexOptions.IgnoreCase)]
    private static partial Regex Telechargement();
}
