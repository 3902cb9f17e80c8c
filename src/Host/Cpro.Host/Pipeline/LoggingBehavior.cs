using System.Diagnostics;
using Mediator;

namespace Cpro.Host.Pipeline;

/// <summary>One structured log line per handled message: its name, outcome and duration.</summary>
internal sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).DeclaringType?.Name ?? typeof(TMessage).Name;
        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            logger.LogInformation("Handler {Handler} traité en {ElapsedMs:0.0} ms", name, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            return response;
        }
        catch (Exception e)
        {
            logger.LogInformation("Handler {Handler} interrompu ({Exception}) en {ElapsedMs:0.0} ms",
                name, e.GetType().Name, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            throw;
        }
    }
}
