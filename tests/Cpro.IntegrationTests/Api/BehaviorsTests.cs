using Cpro.Etablissements.Contracts;
using Cpro.Etablissements.Courriels;
using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Features;
using Cpro.Host.Pipeline;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

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
        var behavior = new TransactionBehavior<CreerEtablissement.Command, CreerEtablissement.EtablissementDto>(services.GetRequiredService<UnitOfWork>());
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
    public async Task A_command_declared_in_a_contracts_project_runs_in_the_unit_of_work_and_keeps_its_locks_until_the_outermost_commits()
    {
        var uai = await factory.CreerEtablissementAsync();
        var etablissement = await factory.EtablissementIdAsync(uai);
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var unitOfWork = services.GetRequiredService<UnitOfWork>();
        var commande = Tuteur(etablissement, "lock");
        var behavior = new TransactionBehavior<CreerOuReutiliserCompteEntreprise, CompteEntreprise>(unitOfWork);
        var enCommande = false;

        var compte = await behavior.Handle(commande, async (message, ct) =>
        {
            enCommande = unitOfWork.EnCommande;
            var cree = await services.GetRequiredService<IMediator>().Send(message, ct);
            // The accounts' lock taken by the command it sent is still held by this transaction.
            Assert.True(await VerrousConsultatifsAsync(unitOfWork) > 0);
            return cree;
        }, CancellationToken.None);

        Assert.True(enCommande);
        Assert.True(compte.Cree);
        Assert.False(unitOfWork.EnCommande);
        await using var lecture = factory.Documents(etablissement);
        Assert.True(await lecture.Query<Utilisateur>().AnyAsync(u => u.Id == compte.UtilisateurId));
    }

    [Fact]
    public async Task A_tutors_account_and_its_emails_go_when_the_command_that_asked_for_it_fails_afterwards()
    {
        var uai = await factory.CreerEtablissementAsync();
        var etablissement = await factory.EtablissementIdAsync(uai);
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var commande = Tuteur(etablissement, "rollback");
        var behavior = new TransactionBehavior<CreerOuReutiliserCompteEntreprise, CompteEntreprise>(services.GetRequiredService<UnitOfWork>());

        await Assert.ThrowsAsync<ConflitException>(async () => await behavior.Handle(commande, async (message, ct) =>
        {
            await services.GetRequiredService<IMediator>().Send(message, ct);
            // As the company period's save would fail after the account was asked for.
            throw new ConflitException("La période a été modifiée entre-temps.");
        }, CancellationToken.None));

        await using var lecture = factory.Documents(etablissement);
        Assert.False(await lecture.Query<Utilisateur>().AnyAsync(u => u.Email == commande.Email));
        Assert.False(await lecture.Query<Courriel>().AnyAsync(c => c.Destinataire == commande.Email));
    }

    private static CreerOuReutiliserCompteEntreprise Tuteur(Guid etablissement, string nom) =>
        new(etablissement, false, $"TUTEUR{nom.ToUpperInvariant()}", "Claire", $"tuteur.{nom}.{Guid.NewGuid():N}@example.org", "Léa MARTIN", "PFMP 1",
            new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 29));

    private static async Task<long> VerrousConsultatifsAsync(UnitOfWork unitOfWork)
    {
        await using var requete = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()", unitOfWork.Connection);
        return (long)(await requete.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Every_handled_message_is_logged_with_its_name_and_duration_commands_above_queries()
    {
        var queryLogger = new CapturingLogger<LoggingBehavior<ListerEtablissements.Query, IReadOnlyList<CreerEtablissement.EtablissementDto>>>();
        var query = new LoggingBehavior<ListerEtablissements.Query, IReadOnlyList<CreerEtablissement.EtablissementDto>>(queryLogger);
        await query.Handle(new ListerEtablissements.Query(), (_, _) => ValueTask.FromResult<IReadOnlyList<CreerEtablissement.EtablissementDto>>([]), CancellationToken.None);

        var commandLogger = new CapturingLogger<LoggingBehavior<CreerEtablissement.Command, CreerEtablissement.EtablissementDto>>();
        var command = new LoggingBehavior<CreerEtablissement.Command, CreerEtablissement.EtablissementDto>(commandLogger);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await command.Handle(new CreerEtablissement.Command("0750001A", "Lycée", null), (_, _) => throw new InvalidOperationException(), CancellationToken.None));

        var lecture = Assert.Single(queryLogger.Entries);
        Assert.Equal(LogLevel.Debug, lecture.Level);
        Assert.Equal("ListerEtablissements", lecture.State["Handler"]);
        Assert.IsType<double>(lecture.State["ElapsedMs"]);
        var ecriture = Assert.Single(commandLogger.Entries);
        Assert.Equal(LogLevel.Information, ecriture.Level);
        Assert.Equal("CreerEtablissement", ecriture.State["Handler"]);
        Assert.Equal(nameof(InvalidOperationException), ecriture.State["Exception"]);
    }

    private sealed class CapturingLogger<T> : ILogger<T>
    {
        public List<(LogLevel Level, Dictionary<string, object?> State)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, ((IEnumerable<KeyValuePair<string, object?>>)state!).ToDictionary(kv => kv.Key, kv => kv.Value)));
    }
}
