using Cpro.Book.Domain;
using Cpro.Kernel.Persistence;
using Marten;

namespace Cpro.Book.Integrations;

/// <summary>Whether the book is on, as the menu asks on every page of every user (and the home page's card): kept briefly per establishment, forgotten
/// at the commit of any change to it. Shared between requests: read it, never change it.</summary>
internal sealed class ActivationsEnCache() : LecturesEnCache(typeof(ActivationBook))
{
    public ValueTask<ActivationBook?> LireAsync(IQuerySession session, UnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        LireAsync(unitOfWork, session.TenantId, () => AccesBook.ActivationAsync(session, cancellationToken));
}
