using System.Security.Claims;

namespace Cpro.Kernel.Identity;

/// <summary>The claims Cpro puts in a cookie or a bearer token.</summary>
public static class CproClaims
{
    public const string UserId = "cpro:uid";
    public const string Login = "cpro:login";
    public const string EtablissementId = "cpro:etab";
    public const string Uai = "cpro:uai";
    public const string NomComplet = "cpro:nom";
    /// <summary>Present while the user still signs in with a temporary password: they must choose theirs first.</summary>
    public const string MotDePasseProvisoire = "cpro:mdp-provisoire";
    /// <summary>The account's security stamp at sign-in: once the account's has changed, the session has ended.</summary>
    public const string TamponSecurite = "cpro:tampon";

    public static ClaimsPrincipal Principal(Guid userId, string login, string nomComplet, Guid? etablissementId, string? uai,
        IEnumerable<string> profils, Guid tamponSecurite, string authenticationType, bool motDePasseProvisoire = false)
    {
        var claims = new List<Claim>
        {
            new(UserId, userId.ToString()),
            new(Login, login),
            new(ClaimTypes.Name, login),
            new(NomComplet, nomComplet),
            new(TamponSecurite, tamponSecurite.ToString()),
        };
        if (etablissementId is { } etab)
        {
            claims.Add(new Claim(EtablissementId, etab.ToString()));
        }
        if (uai is not null)
        {
            claims.Add(new Claim(Uai, uai));
        }
        if (motDePasseProvisoire)
        {
            claims.Add(new Claim(MotDePasseProvisoire, "true"));
        }
        claims.AddRange(profils.Select(p => new Claim(ClaimTypes.Role, p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
