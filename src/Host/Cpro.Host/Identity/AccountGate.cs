using Cpro.Kernel.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cpro.Host.Identity;

/// <summary>What a signed-in account may do before anything else. A session or token stops working at once when its
/// account is deactivated or its password changes (the account's security stamp is no longer the one it carries): the
/// portal signs it out, the API answers 401. A user still holding a temporary password does nothing else before
/// choosing theirs: the portal sends them to « /mot-de-passe », the API answers 403 (except the authentication routes,
/// which let them change it).</summary>
internal static class AccountGate
{
    public const string PagePath = "/mot-de-passe";

    private sealed record Refus(string Titre, string Detail);

    private static readonly Refus Desactive =
        new("Compte désactivé", "Ce compte est désactivé : adressez-vous à l'administrateur de votre établissement.");

    private static readonly Refus Expiree = new("Session expirée",
        "Votre mot de passe a changé depuis l'ouverture de cette session : reconnectez-vous pour obtenir un nouveau jeton (POST /api/auth/token).");

    public static IApplicationBuilder UseAccountGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.RequestServices.GetRequiredService<ICurrentUser>();
        // The authentication routes ignore who calls them: a client asking for a new token may still send its expired one.
        if (user is { IsAuthenticated: true, UserId: { } id } && !context.Request.Path.StartsWithSegments("/api/auth")
            && await RefusAsync(context, id) is { } refus)
        {
            if (Authentication.IsApi(context.Request.Path))
            {
                await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: refus.Titre, detail: refus.Detail).ExecuteAsync(context);
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

    /// <summary>Why this session has ended, if it has. A refusal is read again from the database, not from the cache,
    /// which may predate a change made through another instance (such as the new password this very session chose).</summary>
    private static async Task<Refus?> RefusAsync(HttpContext context, Guid id)
    {
        var comptes = context.RequestServices.GetRequiredService<IComptesActifs>();
        Guid? tampon = Guid.TryParse(context.User.FindFirst(CproClaims.TamponSecurite)?.Value, out var lu) ? lu : null;
        var etablissement = context.RequestServices.GetRequiredService<ICurrentUser>().EtablissementId;
        var etat = await comptes.EtatAsync(id, etablissement, relire: false, context.RequestAborted);
        if (etat.Actif && etat.TamponSecurite == tampon)
        {
            return null;
        }
        etat = await comptes.EtatAsync(id, etablissement, relire: true, context.RequestAborted);
        return !etat.Actif ? Desactive : etat.TamponSecurite == tampon ? null : Expiree;
    }

    private static bool Allowed(PathString path) =>
        path.StartsWithSegments(PagePath) || path.StartsWithSegments("/api/auth") || path.StartsWithSegments("/deconnexion")
        || path.StartsWithSegments("/connexion") || path.StartsWithSegments("/erreur") || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/_content");
}
