using Cpro.Etablissements.Courriels;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Persistence;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cpro.IntegrationTests.Accounts;

[Collection(CproCollection.Name)]
public sealed class OutboxTests(CproFactory factory)
{
    [Fact]
    public async Task An_email_that_smtp_refuses_is_kept_and_retried_later_until_sent()
    {
        var uai = await factory.CreerEtablissementAsync();
        var plusTard = DateTimeOffset.UtcNow.AddDays(1);
        var id = Guid.Empty;
        var etablissement = await factory.EtablissementIdAsync(uai);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().InTransactionAsync(_ =>
            {
                var courriel = scope.ServiceProvider.GetRequiredService<BoiteEnvoi>().Ajouter(etablissement, "refuse@example.org", "Essai", "Corps");
                // Due tomorrow only: the host's own sender leaves it to this test.
                courriel.ProchainEssaiLe = plusTard;
                id = courriel.Id;
                return Task.CompletedTask;
            }, default);
        }
        // Whole seconds: PostgreSQL keeps microseconds, not .NET ticks.
        var horloge = new Horloge(DateTimeOffset.FromUnixTimeSeconds(plusTard.ToUnixTimeSeconds() + 60));

        // Nothing listens on port 1: the real SMTP transport fails.
        await Envoi(new TransportSmtp(ServeurSmtp.Lire("smtp://127.0.0.1:1?tls=non", TimeSpan.FromSeconds(5))), horloge).EnvoyerEnAttenteAsync(CancellationToken.None);

        var echec = await LireAsync(id);
        Assert.Null(echec.EnvoyeLe);
        Assert.Equal(1, echec.Tentatives);
        Assert.StartsWith("Serveur SMTP 127.0.0.1:1 injoignable ou échange interrompu : ", echec.DerniereErreur, StringComparison.Ordinal);
        Assert.Equal(horloge.GetUtcNow() + TimeSpan.FromMinutes(1), echec.ProchainEssaiLe);

        horloge.Maintenant = echec.ProchainEssaiLe;
        var dossier = Path.Combine(factory.MailDir, "reessai");
        await Envoi(new TransportFichier(dossier), horloge).EnvoyerEnAttenteAsync(CancellationToken.None);

        var envoye = await LireAsync(id);
        Assert.Equal(2, envoye.Tentatives);
        Assert.NotNull(envoye.EnvoyeLe);
        Assert.Null(envoye.DerniereErreur);
        // Other tests' emails due by then went with it: this one is there once.
        var fichiers = await Task.WhenAll(Directory.GetFiles(dossier).Select(f => File.ReadAllTextAsync(f)));
        Assert.Single(fichiers, f => f.Contains("To: refuse@example.org\r\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(7, 60)]
    [InlineData(50, 60)]
    public void Waits_grow_to_an_hour_and_never_stop(int tentatives, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), Courriel.Attente(tentatives));

    private EnvoiCourriels Envoi(ITransportCourriel transport, TimeProvider horloge) =>
        new(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Services.GetRequiredService<IDocumentStore>(), transport,
            factory.Services.GetRequiredService<IConfiguration>(),
            horloge, NullLogger<EnvoiCourriels>.Instance);

    private async Task<Courriel> LireAsync(Guid id)
    {
        await using var session = factory.Documents();
        return await session.Query<Courriel>().SingleAsync(c => c.AnyTenant() && c.Id == id);
    }

    private sealed class Horloge(DateTimeOffset maintenant) : TimeProvider
    {
        public DateTimeOffset Maintenant { get; set; } = maintenant;

        public override DateTimeOffset GetUtcNow() => Maintenant;
    }
}
