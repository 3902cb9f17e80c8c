using Cpro.Kernel.Persistence;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Cpro.Etablissements.Courriels;

/// <summary>Sends the outbox in the background, a few at a time; a failure is recorded and retried later.</summary>
internal sealed partial class EnvoiCourriels(IServiceScopeFactory scopes, IDocumentStore store, ITransportCourriel transport,
    IConfiguration configuration, TimeProvider clock, ILogger<EnvoiCourriels> logger) : BackgroundService
{
    private readonly TimeSpan _intervalle = TimeSpan.FromMilliseconds(configuration.GetValue("CPRO_MAIL_INTERVAL_MS", 2000));
    private readonly MailboxAddress _expediteur = ConfigurationCourriels.Expediteur(configuration);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_intervalle, clock);
        do
        {
            try
            {
                await EnvoyerEnAttenteAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unreachable (or a command time out): the next round tries again.
                LogTourEchoue(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: every email due, oldest first, each saved as soon as it is sent or has failed.</summary>
    public async Task EnvoyerEnAttenteAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var boite = scope.ServiceProvider.GetRequiredService<BoiteEnvoi>();
        await using var session = store.LightweightSession();
        var maintenant = clock.GetUtcNow();
        // The sender works for every establishment: across them on purpose.
        var dus = await session.Query<Courriel>()
            .Where(c => c.AnyTenant() && c.EnvoyeLe == null && c.ProchainEssaiLe <= maintenant)
            .OrderBy(c => c.CreeLe).Take(50).ToListAsync(cancellationToken);
        foreach (var courriel in dus)
        {
            courriel.Tentatives++;
            try
            {
                var message = MessageCourriel.Creer(_expediteur, courriel.Destinataire, courriel.Objet, boite.Corps(courriel), clock.GetUtcNow());
                courriel.Transport = await transport.EnvoyerAsync(message, cancellationToken);
                courriel.EnvoyeLe = clock.GetUtcNow();
                courriel.DerniereErreur = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                courriel.DerniereErreur = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                courriel.ProchainEssaiLe = clock.GetUtcNow() + Courriel.Attente(courriel.Tentatives);
                LogEnvoiEchoue(logger, courriel.Id, courriel.Tentatives, e);
            }
            session.ForTenant(courriel.Tenant).Store(courriel);
            await session.SaveChangesAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Envoi des courriels interrompu")]
    private static partial void LogTourEchoue(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Courriel {CourrielId} non envoyé (tentative {Tentatives})")]
    private static partial void LogEnvoiEchoue(ILogger logger, Guid courrielId, int tentatives, Exception exception);
}
