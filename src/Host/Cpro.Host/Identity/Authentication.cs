using Cpro.Kernel.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cpro.Host.Identity;

/// <summary>Cookie for the portal, bearer token for the API; one policy scheme picks by the Authorization header.</summary>
internal static class Authentication
{
    private const string Scheme = "cpro";

    public static IServiceCollection AddCproAuthentication(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser>(sp => new ClaimsCurrentUser(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User));
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie ou jeton", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "cpro";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.LoginPath = "/connexion";
                options.AccessDeniedPath = "/acces-refuse";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                // The API answers 401/403 (ProblemDetails via status code pages), never a redirect to the login page.
                options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(options => options.BearerTokenExpiration = TimeSpan.FromHours(1));
        services.AddAuthorization();
        // After the handlers' own post-configuration, which creates the formats.
        var tickets = CachedTicketFormat.NewCache();
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
            options.TicketDataFormat = new CachedTicketFormat(options.TicketDataFormat, tickets, "cookie"));
        services.PostConfigure<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme, options =>
            options.BearerTokenProtector = new CachedTicketFormat(options.BearerTokenProtector, tickets, "bearer"));
        return services;
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request.Path))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/ops") || path.StartsWithSegments("/openapi");
}
