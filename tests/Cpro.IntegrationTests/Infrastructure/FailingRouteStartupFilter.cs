using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Cpro.IntegrationTests.Infrastructure;

/// <summary>Adds, after the host's own pipeline, a route that fails: to see what an unhandled error looks like from outside.</summary>
internal sealed class FailingRouteStartupFilter : IStartupFilter
{
    public const string Path = "/api/test/panne";
    public const string Secret = "détail interne à ne jamais montrer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Run(context =>
        {
            if (context.Request.Path == Path)
            {
                throw new InvalidOperationException(Secret);
            }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    };
}
