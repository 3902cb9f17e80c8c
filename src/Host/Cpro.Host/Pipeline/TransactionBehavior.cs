using Cpro.Kernel.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Host.Pipeline;

/// <summary>A command runs in one transaction on its module's DbContext: everything it saves commits together, or nothing.</summary>
internal sealed class TransactionBehavior<TMessage, TResponse>(IServiceProvider services, IEnumerable<ModuleDbContextRegistration> registrations)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var registration = message is IBaseCommand
            ? registrations.FirstOrDefault(r => r.Assembly == typeof(TMessage).Assembly)
            : null;
        if (registration is null)
        {
            return await next(message, cancellationToken);
        }
        var db = (DbContext)services.GetRequiredService(registration.ContextType);
        if (db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
