using System.Runtime.CompilerServices;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Caching.Memory;

namespace Cpro.Kernel.Persistence;

/// <summary>Answers a module keeps briefly for the reads nearly every page makes of it (who may open a portfolio, people's
/// names), from the documents of <paramref name="types"/>. A commit of this instance that stores or deletes one of them
/// moves the generation on, and an answer is kept under the generation taken before its query: once such a commit is done,
/// no request of this instance is served an answer read before it. Another instance of the host may serve one for
/// <see cref="Duree"/> at most (as an account's state, ComptesActifs). Only outside a command: a command reads what it
/// is about to change, in its own transaction.</summary>
public abstract class LecturesEnCache(params Type[] types) : DocumentSessionListenerBase, IDisposable
{
    public static readonly TimeSpan Duree = TimeSpan.FromSeconds(30);

    private readonly HashSet<Type> _types = [.. types];
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    // Sessions whose pending changes touch the watched types, seen before their save and bumped after their commit.
    private readonly ConditionalWeakTable<IDocumentSession, object> _touchees = [];
    private long _generation;

    public async ValueTask<T> LireAsync<T>(UnitOfWork unitOfWork, string cle, Func<Task<T>> lecture)
    {
        if (unitOfWork.EnCommande)
        {
            return await lecture();
        }
        var complete = (Interlocked.Read(ref _generation), cle);
        if (_cache.TryGetValue(complete, out T? valeur))
        {
            return valeur!;
        }
        valeur = await lecture();
        _cache.Set(complete, valeur, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Duree });
        return valeur;
    }

    /// <summary>For what a commit writes around the session (a binary COPY): called once it is committed.</summary>
    public void Oublier() => Interlocked.Increment(ref _generation);

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (session.PendingChanges.Operations().Any(o => _types.Contains(o.DocumentType)))
        {
            _touchees.AddOrUpdate(session, this);
        }
        return Task.CompletedTask;
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (_touchees.TryGetValue(session, out _))
        {
            _touchees.Remove(session);
            Oublier();
        }
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _cache.Dispose();
        GC.SuppressFinalize(this);
    }
}
