using Cpro.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cpro.IntegrationTests.Browser;

/// <summary>The host on a real Kestrel port and Debian's chromium driven by Playwright (no browser download here).</summary>
public class BrowserFixture : CproFactory
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public BrowserFixture() => UseKestrel();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("CPRO_URLS", "http://127.0.0.1:0");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        ClientOptions.BaseAddress = new Uri(BaseUrl);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CPRO_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
            ],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A page on a phone-sized screen (360 px wide unless told), with or without JavaScript.</summary>
    public async Task<IPage> PhonePageAsync(int largeur = 360, int hauteur = 740, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = largeur, Height = hauteur },
            Locale = "fr-FR",
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    /// <summary>The main navigation, its menu opened first where the screen folds it behind « Menu ».</summary>
    public static async Task<ILocator> NavigationAsync(IPage page)
    {
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        await navigation.WaitForAsync();
        var menu = navigation.Locator("details.menu");
        if (await menu.Locator("summary").IsVisibleAsync() && !await menu.EvaluateAsync<bool>("details => details.open"))
        {
            await menu.Locator("summary").ClickAsync();
        }
        return navigation;
    }

    /// <summary>Signs in through the login page and waits for the home page.</summary>
    public static async Task SeConnecterAsync(IPage page, string login, string password)
    {
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
        await page.GetByLabel("Identifiant").FillAsync(login);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Bonjour") })).ToBeVisibleAsync();
    }

    /// <summary>Usable on the phone: nothing wider than the screen.</summary>
    public static async Task AssertFitsThePhoneAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "La page déborde de l'écran du téléphone.");
}
