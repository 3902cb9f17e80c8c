using Cpro.Kernel.Identity;
using JasperFx;
using Marten;
using Marten.Services;
using Npgsql;

namespace Cpro.Kernel.Persistence;

/// <summary>The request's one document session, opened for the current user's establishment (Marten's tenant; none
/// for the platform administrator or a background task, who name an establishment with <c>ForTenant</c>). A command
/// runs in one transaction, whichever modules it reaches: the outermost begins it, and it is saved and committed when
/// the outermost ends, or rolled back. Handlers never save: the host does (<c>TransactionBehavior</c>).
/// After a failed command the session is dropped, so what the request reads next is not part of it.</summary>
public sealed class UnitOfWork(IDocumentStore store, ICurrentUser user) : IAsyncDisposable, IDisposable
{
    private IDocumentSession? _session;
    private int _commandes;
    private readonly List<Action> _apresValidation = [];

    public IDocumentSession Session => _session ??= store.LightweightSession(new SessionOptions { TenantId = Tenant(user.EtablissementId) });

    /// <summary>The establishment's tenant id; the default tenant owns no establishment's documents.</summary>
    public static string Tenant(Guid? etablissementId) => etablissementId?.ToString() ?? StorageConstants.DefaultTenantId;

    /// <summary>The connection of the current transaction, for what documents do not express (locks, bulk copies).</summary>
    public NpgsqlConnection Connection => EnCommande
        ? Session.Connection
        : throw new InvalidOperationException("Hors d'une commande, la connexion n'a pas de transaction.");

    public bool EnCommande => _commandes > 0;

    public async ValueTask BeginAsync(CancellationToken cancellationToken)
    {
        if (_commandes++ == 0)
        {
            await Session.BeginTransactionAsync(cancellationToken);
        }
    }

    /// <summary>Ends a command; the outermost saves and commits everything the command and the ones it sent did, then runs
    /// what waited for the commit.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (--_commandes == 0)
        {
            await Session.SaveChangesAsync(cancellationToken);
            foreach (var action in _apresValidation)
            {
                action();
            }
            _apresValidation.Clear();
        }
    }

    /// <summary>Runs once the current command is committed (never if it fails): what must not happen before, like
    /// forgetting a cached state a request could otherwise read again from before the commit. Outside a command, at once.</summary>
    public void OnCommitted(Action action)
    {
        if (EnCommande)
        {
            _apresValidation.Add(action);
        }
        else
        {
            action();
        }
    }

    /// <summary>Work that no command wraps (a start-up task), as one unit of work of its own.</summary>
    public async Task InTransactionAsync(Func<IDocumentSession, Task> work, CancellationToken cancellationToken)
    {
        await BeginAsync(cancellationToken);
        try
        {
            await work(Session);
            await CompleteAsync(cancellationToken);
        }
        catch
        {
            await AbortAsync();
            throw;
        }
    }

    /// <summary>A command failed: nothing of it is saved, whatever the level it failed at.</summary>
    public async ValueTask AbortAsync()
    {
        _commandes = 0;
        _apresValidation.Clear();
        if (_session is { } session)
        {
            _session = null;
            await session.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is { } session)
        {
            await session.DisposeAsync();
        }
    }

    public void Dispose() => _session?.Dispose();
}
