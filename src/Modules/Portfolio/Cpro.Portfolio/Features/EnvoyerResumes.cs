using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Persistence;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cpro.Portfolio.Features;

/// <summary>The daily digest: each person told of something on the portfolios they follow (<see cref="NotificationPortfolio"/>)
/// gets, once a day, one email listing what happened before that day, with links, written to Etablissements' outbox
/// (Contracts). Who turned notifications off in their preferences, or whose account is inactive or has no address, gets
/// nothing and their notifications are dropped. One command per establishment, in its own unit of work.</summary>
internal static partial class EnvoyerResumes
{
    /// <param name="Maintenant">The instant of the round: notifications of earlier days are sent.</param>
    internal sealed record Command(Guid EtablissementId, DateTimeOffset Maintenant) : ICommand<int>;

    internal sealed class Handler(IDocumentSession session, IMediator mediator, IConfiguration configuration) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var documents = session.PourEtablissement(command.EtablissementId);
            var jour = Notifications.Jour(command.Maintenant);
            var enAttente = (await documents.Query<NotificationPortfolio>().Where(n => n.EtablissementId == command.EtablissementId)
                    .OrderBy(n => n.Le).ToListAsync(cancellationToken))
                .Where(n => Notifications.Jour(n.Le) < jour).GroupBy(n => n.DestinataireId).ToList();
            if (enAttente.Count == 0)
            {
                return 0;
            }
            var ids = enAttente.Select(g => ResumeEnvoye.IdDe(g.Key, jour)).ToList();
            var dejaEnvoyes = (await documents.Query<ResumeEnvoye>().Where(r => ids.Contains(r.Id)).Select(r => r.DestinataireId).ToListAsync(cancellationToken)).ToHashSet();
            var destinataires = (await mediator.Send(new ListerDestinatairesNotifications(command.EtablissementId, [.. enAttente.Select(g => g.Key)]), cancellationToken))
                .ToDictionary(d => d.UtilisateurId);
            var site = Adresse(configuration);
            var envoyes = 0;
            foreach (var notifications in enAttente.Where(g => !dejaEnvoyes.Contains(g.Key)))
            {
                if (destinataires.GetValueOrDefault(notifications.Key) is { } destinataire)
                {
                    var lignes = notifications.Select(n => $"- {Notifications.Heure(n.Le):dd/MM/yyyy HH:mm} : {n.Texte}\n  {site}{n.Lien}");
                    await mediator.Send(new EcrireCourriel(command.EtablissementId, destinataire.Email, "Cpro : ce qui s'est passé dans les portfolios que vous suivez",
                        $"Bonjour {destinataire.NomComplet},\n\n{string.Join("\n", lignes)}\n\nPour ne plus recevoir ce courriel : {site}/preferences\n"), cancellationToken);
                    documents.Insert(new ResumeEnvoye { Id = ResumeEnvoye.IdDe(notifications.Key, jour), DestinataireId = notifications.Key, Jour = jour });
                    envoyes++;
                }
                foreach (var n in notifications)
                {
                    documents.Delete(n);
                }
            }
            // Only today's guard is still needed.
            documents.DeleteWhere<ResumeEnvoye>(r => r.Jour < jour);
            return envoyes;
        }

        private static string Adresse(IConfiguration configuration) =>
            (configuration["CPRO_PUBLIC_URL"] is { Length: > 0 } publique
                ? publique
                : (configuration["CPRO_URLS"] ?? "http://127.0.0.1:5080").Split(';', StringSplitOptions.RemoveEmptyEntries)[0]).TrimEnd('/');
    }

    /// <summary>Runs a round every <c>CPRO_RESUMES_INTERVALLE_S</c> seconds (default 3600), on the injected clock: the
    /// first round of a day sends the previous days' digests.</summary>
    internal sealed partial class Service(IServiceScopeFactory scopes, IDocumentStore store, IConfiguration configuration, TimeProvider clock, ILogger<Service> logger)
        : BackgroundService
    {
        private readonly TimeSpan _intervalle = TimeSpan.FromSeconds(configuration.GetValue("CPRO_RESUMES_INTERVALLE_S", 3600));

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(_intervalle, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await EnvoyerAsync(clock.GetUtcNow(), stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database may be briefly unreachable: the notifications wait for the next round.
                    LogTourEchoue(logger, e);
                }
            }
        }

        /// <summary>One round at <paramref name="maintenant"/>, establishment by establishment; returns the digests written.</summary>
        public async Task<int> EnvoyerAsync(DateTimeOffset maintenant, CancellationToken cancellationToken)
        {
            List<Guid> etablissements;
            await using (var session = store.QuerySession())
            {
                // The digest works for every establishment: across them on purpose.
                etablissements = [.. (await session.Query<NotificationPortfolio>().Where(n => n.AnyTenant()).Select(n => n.EtablissementId)
                    .ToListAsync(cancellationToken)).Distinct()];
            }
            var total = 0;
            foreach (var etablissement in etablissements)
            {
                await using var scope = scopes.CreateAsyncScope();
                total += await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Command(etablissement, maintenant), cancellationToken);
            }
            return total;
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Tour des résumés quotidiens du portfolio échoué")]
        private static partial void LogTourEchoue(ILogger logger, Exception exception);
    }
}
