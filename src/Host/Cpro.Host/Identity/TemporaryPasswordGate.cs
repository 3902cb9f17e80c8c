using Cpro.Kernel.Identity;

namespace Cpro.Host.Identity;

/// <summary>A user still holding a temporary password does nothing else before choosing theirs: the portal sends them
/// to « /mot-de-passe », the API answers 403 (except the authentication routes, which let them change it).</summary>
internal static class TemporaryPasswordGate
{
    public const string PagePath = "/mot-de-passe";

    public static IApplicationBuilder UseTemporaryPasswordGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.RequestServices.GetRequiredService<ICurrentUser>().DoitChangerMotDePasse || Allowed(context.Request.Path))
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
