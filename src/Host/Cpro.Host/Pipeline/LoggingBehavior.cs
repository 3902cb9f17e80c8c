using System.Diagnostics;
using Mediator;

namespace Cpro.Host.Pipeline;

/// <summary>One structured log line per handled message: its name, outcome and duration. Commands change data and are
/// logged at Information; queries, often several per request and already covered by the request's own line, at Debug,
/// so that reading costs no console write per module asked.</summary>
internal sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly LogLevel Level = typeof(IBaseQuery).IsAssignableFrom(typeof(TMessage)) ? LogLevel.Debug : LogLevel.Information;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!logger.IsEnabled(Level))
        {
            return await next(message, cancellationToken);
        }
        var name = typeof(TMessage).DeclaringType?.Name ?? typeof(TMessage).Name;
        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            logger.Log(Level, "Handler {Handler} traité en {ElapsedMs:0.0} ms", name, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            return response;
        }
        catch (Exception e)
        {
            logger.Log(Level, "Handler {Handler} interrompu ({Exception}) en {ElapsedMs:0.0} ms",
                name, e.GetType().Name, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            throw;
        }
    }
}
