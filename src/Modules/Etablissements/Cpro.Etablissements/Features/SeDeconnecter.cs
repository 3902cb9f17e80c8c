using Carter;
using Microsoft.AspNetCore.Antiforgery;
using Cpro.Kernel.Modules;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Etablissements.Features;

/// <summary>Ends the portal session (a form post, protected by antiforgery).</summary>
internal static class SeDeconnecter
{
    [RootRoutes]
    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/deconnexion", async (HttpContext context, IAntiforgery antiforgery) =>
                {
                    await antiforgery.ValidateRequestAsync(context);
                    await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    return Results.LocalRedirect("/connexion");
                })
                .ExcludeFromDescription();
    }
}
