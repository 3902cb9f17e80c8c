using Cpro.Kernel.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cpro.Host.Identity;

/// <summary>What a signed-in account may do before anything else. A deactivated account's session or token stops
/// working at once: the portal signs it out, the API answers 401. A user still holding a temporary password does
/// nothing else before choosing theirs: the portal sends them to « /mot-de-passe », the API answers 403 (except the
/// authentication routes, which let them change it).</summary>
internal static class AccountGate
{
    public const string PagePath = "/mot-de-passe";

    public static IApplicationBuilder UseAccountGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.RequestServices.GetRequiredService<ICurrentUser>();
        if (user is { IsAuthenticated: true, IsPlatformAdmin: false, UserId: { } id }
            && !await context.RequestServices.GetRequiredService<IComptesActifs>().EstActifAsync(id, context.RequestAborted))
        {
            if (Authentication.IsApi(context.Request.Path))
            {
                await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Compte désactivé",
                    detail: "Ce compte est désactivé : adressez-vous à l'administrateur de votre établissement.").ExecuteAsync(context);
                return;
            }
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            context.Response.Redirect("/connexion");
            return;
        }
        if (!user.DoitChangerMotDePasse || Allowed(context.Request.Path))
        {
            await next(context);
            return;
        }
        if (Authentication.IsApi(context.Request.Path))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Mot de passe provisoire",
                detail: "Choisissez d'abord votre mot de passe (POST /api/auth/mot-de-passe), puis demandez un nouveau jeton.").ExecuteAsync(context);
            return;
        }
        context.Response.Redirect(PagePath);
    });

    private static bool Allowed(PathString path) =>
        path.StartsWithSegments(PagePath) || path.StartsWithSegments("/api/auth") || path.StartsWithSegments("/deconnexion")
        || path.StartsWithSegments("/connexion") || path.StartsWithSegments("/erreur") || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/_content");
}
