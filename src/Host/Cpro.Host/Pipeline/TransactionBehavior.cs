using Cpro.Kernel.Persistence;
using Mediator;

namespace Cpro.Host.Pipeline;

/// <summary>A command is one unit of work, whichever modules it reaches and whichever assembly declares it: the documents
/// it and the commands it sends change are saved and committed together when the outermost ends, or not at all.</summary>
internal sealed class TransactionBehavior<TMessage, TResponse>(UnitOfWork unitOfWork) : IPipelineBehavior<TMessage, TResponse>
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
            var response = await next(message, cancellationToken);
            await unitOfWork.CompleteAsync(cancellationToken);
            return response;
        }
        catch
        {
            await unitOfWork.AbortAsync();
            throw;
        }
    }
}
