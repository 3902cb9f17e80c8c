using System.Security.Claims;

namespace Cpro.Kernel.Identity;

/// <summary>The user behind the current request; anonymous outside a request (start-up tasks).</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid? UserId { get; }
    string? Login { get; }
    string? NomComplet { get; }
    Guid? EtablissementId { get; }
    string? Uai { get; }
    IReadOnlyList<string> Profils { get; }
    bool DoitChangerMotDePasse { get; }
    bool IsPlatformAdmin => HasProfil(Identity.Profils.AdministrateurPlateforme);
    bool HasProfil(string profil) => Profils.Contains(profil);
    bool HasAnyProfil(IEnumerable<string> profils) => profils.Any(HasProfil);
}

/// <summary>Reads the claims of a principal.</summary>
public sealed class ClaimsCurrentUser(ClaimsPrincipal? principal) : ICurrentUser
{
    public bool IsAuthenticated => principal?.Identity?.IsAuthenticated == true;
    public Guid? UserId => Guid.TryParse(Find(CproClaims.UserId), out var id) ? id : null;
    public string? Login => Find(CproClaims.Login);
    public string? NomComplet => Find(CproClaims.NomComplet);
    public Guid? EtablissementId => Guid.TryParse(Find(CproClaims.EtablissementId), out var id) ? id : null;
    public string? Uai => Find(CproClaims.Uai);
    public bool DoitChangerMotDePasse => Find(CproClaims.MotDePasseProvisoire) is not null;
    public IReadOnlyList<string> Profils =>
        IsAuthenticated ? principal!.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList() : [];

    private string? Find(string type) => IsAuthenticated ? principal!.FindFirst(type)?.Value : null;
}
