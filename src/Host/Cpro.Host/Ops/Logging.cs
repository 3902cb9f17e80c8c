using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace Cpro.Host.Ops;

/// <summary>Structured logs on the console: readable lines by default, JSON lines when CPRO_LOG_FORMAT=json. Written in
/// batches off the request path, by Serilog's own batching queue (a request no longer waits for the console, a tenth of a
/// short request's time); the lines still queued are written when the host stops (ADR 0006).</summary>
internal static class Logging
{
    public static ITextFormatter Formatter(IConfiguration configuration) =>
        string.Equals(configuration["CPRO_LOG_FORMAT"], "json", StringComparison.OrdinalIgnoreCase)
            ? new RenderedCompactJsonFormatter()
            : new MessageTemplateTextFormatter("[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}", null);

    public static IServiceCollection AddCproLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog((_, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .WriteTo.Sink(new BatchedConsoleSink(new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Console(Formatter(configuration)).CreateLogger()),
                // Unbounded, as the former queue blocked rather than dropped: a line is never lost to a flood.
                new BatchingOptions { EagerlyEmitFirstEvent = true, BufferingTimeLimit = TimeSpan.FromMilliseconds(100), BatchSizeLimit = 1000, QueueLimit = null }));

    /// <summary>Hands each batch to the console logger. Serilog's batching queue is a channel its writer awaits: the
    /// Serilog.Sinks.Async queue it replaces spun on each event, about a tenth of the host's CPU under the portfolio bench.</summary>
    private sealed class BatchedConsoleSink(Logger console) : IBatchedLogEventSink, IDisposable
    {
        public Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
        {
            foreach (var logEvent in batch)
            {
                console.Write(logEvent);
            }
            return Task.CompletedTask;
        }

        public Task OnEmptyBatchAsync() => Task.CompletedTask;

        public void Dispose() => console.Dispose();
    }
}
