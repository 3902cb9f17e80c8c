using Serilog;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace Cpro.Host.Ops;

/// <summary>Structured logs on the console: readable lines by default, JSON lines when CPRO_LOG_FORMAT=json. Written by a
/// background thread: a request no longer waits for the console (a tenth of a short request's time); the lines still
/// queued are written when the host stops.</summary>
internal static class Logging
{
    public static ITextFormatter Formatter(IConfiguration configuration) =>
        string.Equals(configuration["CPRO_LOG_FORMAT"], "json", StringComparison.OrdinalIgnoreCase)
            ? new RenderedCompactJsonFormatter()
            : new MessageTemplateTextFormatter("[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}", null);

    public static IServiceCollection AddCproLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog((_, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", Serilog.Events.LogEventLevel.Information)
            .Enrich.FromLogContext()
            .WriteTo.Async(sink => sink.Console(Formatter(configuration)), blockWhenFull: true));
}
