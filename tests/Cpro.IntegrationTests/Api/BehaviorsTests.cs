using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Features;
using Cpro.Host.Pipeline;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Persistence;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cpro.IntegrationTests.Api;

/// <summary>The host's mediator behaviours, each on a real module command.</summary>
[Collection(CproCollection.Name)]
public sealed class BehaviorsTests(CproFactory factory)
{
    [Fact]
    public async Task A_command_that_fails_after_saving_leaves_nothing_written()
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var behavior = new TransactionBehavior<CreerEtablissement.Command, CreerEtablissement.EtablissementDto>(
            services.GetRequiredService<UnitOfWork>(), services, services.GetServices<ModuleDbContextRegistration>());
        var uai = TestUai.Next();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await behavior.Handle(
            new CreerEtablissement.Command(uai, "Lycée", "ce@example.org"),
            async (_, ct) =>
            {
                var session = services.GetRequiredService<IDocumentSession>();
                session.Insert(new Etablissement { Uai = uai, Nom = "Lycée", Email = "ce@example.org" });
                // Written, but not committed: the command fails after its writes reached the database.
                await services.GetRequiredService<UnitOfWork>().VerrouillerAsync("cpro.test", ct);
                throw new InvalidOperationException("échec après l'écriture");
            },
            CancellationToken.None));

        await using var check = factory.Documents();
        Assert.False(await check.Query<Etablissement>().AnyAsync(e => e.Uai == uai));
    }

    [Fact]
    public async Task Every_handled_message_is_logged_with_its_name_and_duration()
    {
        var logger = new CapturingLogger<LoggingBehavior<ListerEtablissements.Query, IReadOnlyList<CreerEtablissement.EtablissementDto>>>();
        var behavior = new LoggingBehavior<ListerEtablissements.Query, IReadOnlyList<CreerEtablissement.EtablissementDto>>(logger);

        await behavior.Handle(new ListerEtablissements.Query(), (_, _) => ValueTask.FromResult<IReadOnlyList<CreerEtablissement.EtablissementDto>>([]), CancellationToken.None);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal("ListerEtablissements", entry["Handler"]);
        Assert.IsType<double>(entry["ElapsedMs"]);
    }

    private sealed class CapturingLogger<T> : ILogger<T>
    {
        public List<Dictionary<string, object?>> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add(((IEnumerable<KeyValuePair<string, object?>>)state!).ToDictionary(kv => kv.Key, kv => kv.Value));
    }
}
