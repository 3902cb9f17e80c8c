using Cpro.Book.Domain;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cpro.Book.Features;

/// <summary>Réussites in the bin for more than <see cref="Jours"/> days are deleted for good, with their medias' bytes (which
/// free the establishment's space) and comments. One command per establishment, in its own unit of work.</summary>
internal static partial class PurgerCorbeille
{
    public const int Jours = 30;

    internal sealed record Command(Guid EtablissementId, DateTimeOffset Maintenant) : ICommand<int>;

    internal sealed class Handler(IDocumentSession session) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var documents = session.PourEtablissement(command.EtablissementId);
            var limite = command.Maintenant.AddDays(-Jours);
            var perimees = await documents.Query<Reussite>().Where(r => r.SupprimeeLe != null && r.SupprimeeLe < limite).ToListAsync(cancellationToken);
            if (perimees.Count == 0)
            {
                return 0;
            }
            var ids = perimees.Select(r => r.Id).ToList();
            var medias = await documents.Query<MediaReussite>().Where(m => ids.Contains(m.ReussiteId)).Select(m => m.Id).ToListAsync(cancellationToken);
            if (medias.Count > 0)
            {
                documents.DeleteWhere<ContenuMedia>(c => medias.Contains(c.Id));
            }
            documents.DeleteWhere<MediaReussite>(m => ids.Contains(m.ReussiteId));
            documents.DeleteWhere<CommentaireReussite>(c => ids.Contains(c.ReussiteId));
            documents.DeleteWhere<Reussite>(r => ids.Contains(r.Id));
            var apprenants = perimees.Select(r => r.ApprenantId).Distinct().ToArray();
            foreach (var ordre in await documents.LoadManyAsync<OrdreBook>(cancellationToken, apprenants))
            {
                ordre.Reussites.RemoveAll(ids.Contains);
                documents.Store(ordre);
            }
            return perimees.Count;
        }
    }

    /// <summary>A round every six hours, on the injected clock.</summary>
    internal sealed partial class Service(IServiceScopeFactory scopes, IDocumentStore store, TimeProvider clock, ILogger<Service> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromHours(6), clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PurgerAsync(clock.GetUtcNow(), stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database may be briefly unreachable: the bin waits for the next round.
                    LogTourEchoue(logger, e);
                }
            }
        }

        /// <summary>One round at <paramref name="maintenant"/>, establishment by establishment; returns the réussites purged.</summary>
        public async Task<int> PurgerAsync(DateTimeOffset maintenant, CancellationToken cancellationToken)
        {
            List<Guid> etablissements;
            await using (var session = store.QuerySession())
            {
                // The purge works for every establishment: across them on purpose.
                var limite = maintenant.AddDays(-Jours);
                etablissements = [.. (await session.Query<Reussite>().Where(r => r.AnyTenant() && r.SupprimeeLe != null && r.SupprimeeLe < limite)
                    .Select(r => r.EtablissementId).ToListAsync(cancellationToken)).Distinct()];
            }
            var total = 0;
            foreach (var etablissement in etablissements)
            {
                await using var scope = scopes.CreateAsyncScope();
                total += await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Command(etablissement, maintenant), cancellationToken);
            }
            return total;
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Purge de la corbeille du book échouée")]
        private static partial void LogTourEchoue(ILogger logger, Exception exception);
    }
}
