using Cpro.Kernel.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Host.Pipeline;

/// <summary>A command is one unit of work, whichever modules it reaches: the documents it and the commands it sends
/// change are saved and committed together when the outermost ends, or not at all. Modules still on EF Core run in a
/// transaction on their DbContext inside it.</summary>
internal sealed class TransactionBehavior<TMessage, TResponse>(UnitOfWork unitOfWork, IServiceProvider services,
    IEnumerable<ModuleDbContextRegistration> registrations) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand)
        {
            return await next(message, cancellationToken);
        }
        await unitOfWork.BeginAsync(cancellationToken);
        try
        {
            var response = await EfAsync(message, next, cancellationToken);
            await unitOfWork.CompleteAsync(cancellationToken);
            return response;
        }
        catch
        {
            await unitOfWork.AbortAsync();
            throw;
        }
    }

    private async ValueTask<TResponse> EfAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var registration = registrations.FirstOrDefault(r => r.Assembly == typeof(TMessage).Assembly);
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
