using System.Security.Claims;
using Cpro.Kernel.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Etablissements.Domain;

/// <summary>Checks a login and password (a temporary code or a chosen password), counting failures towards the lockout,
/// and sets a chosen password. Shared by signing in and by changing one's password.</summary>
internal sealed class Connexions(EtablissementsDbContext db, IPasswordHasher<Identifiants> hasher, TimeProvider clock)
{
    public const string AuthenticationType = "cpro";
    public const string IdentifiantsIncorrects = "Identifiant ou mot de passe incorrect.";
    public const int LongueurMin = 12;

    /// <summary>An account whose password was checked; the principal is built when asked, so it reflects a change made since.</summary>
    internal sealed record Compte(Guid Id, Identifiants Identifiants, Func<ClaimsPrincipal> Principal);

    /// <summary>The account, or the French reason it is refused. Failures are saved at once, whatever the caller does next.</summary>
    public async Task<(Compte? Compte, string? Erreur)> VerifierAsync(string login, string password, CancellationToken cancellationToken)
    {
        login = Identifiants.NormalizeLogin(login);
        var now = clock.GetUtcNow();
        Compte compte;
        var admin = await db.AdministrateursPlateforme.SingleOrDefaultAsync(a => a.Identifiants.Login == login, cancellationToken);
        if (admin is not null)
        {
            compte = new Compte(admin.Id, admin.Identifiants, () => CproClaims.Principal(admin.Id, login, "Administrateur de la plateforme", null, null,
                [Profils.AdministrateurPlateforme], admin.Identifiants.TamponSecurite, AuthenticationType, admin.Identifiants.DoitChangerMotDePasse));
        }
        else
        {
            // Signing in comes before any establishment is known: explicitly across the filter.
            var utilisateur = await db.Utilisateurs.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.Identifiants.Login == login, cancellationToken);
            if (utilisateur is null)
            {
                return (null, IdentifiantsIncorrects);
            }
            if (!utilisateur.Actif)
            {
                return (null, "Ce compte est désactivé : adressez-vous à l'administrateur de votre établissement.");
            }
            var uai = await db.Etablissements.Where(e => e.Id == utilisateur.EtablissementId).Select(e => e.Uai).SingleAsync(cancellationToken);
            compte = new Compte(utilisateur.Id, utilisateur.Identifiants, () => CproClaims.Principal(utilisateur.Id, login, utilisateur.NomComplet,
                utilisateur.EtablissementId, uai, utilisateur.Profils, utilisateur.Identifiants.TamponSecurite, AuthenticationType,
                utilisateur.Identifiants.DoitChangerMotDePasse));
        }
        var identifiants = compte.Identifiants;
        if (identifiants.EstVerrouille(now))
        {
            return (null, "Compte verrouillé après plusieurs échecs : réessayez dans quelques minutes.");
        }
        var verification = identifiants.MotDePasseHash.StartsWith(Comptes.PrefixeCode, StringComparison.Ordinal)
            ? (Comptes.VerifierCode(identifiants.MotDePasseHash, password) ? PasswordVerificationResult.Success : PasswordVerificationResult.Failed)
            : hasher.VerifyHashedPassword(identifiants, identifiants.MotDePasseHash, password);
        if (verification == PasswordVerificationResult.Failed)
        {
            identifiants.EnregistrerEchec(now);
            await db.SaveChangesAsync(cancellationToken);
            return (null, IdentifiantsIncorrects);
        }
        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            identifiants.MotDePasseHash = hasher.HashPassword(identifiants, password);
        }
        identifiants.EnregistrerSucces();
        await db.SaveChangesAsync(cancellationToken);
        return (compte, null);
    }

    /// <summary>A password a person chose: hashed with the slow standard hasher; the temporary code is forgotten, and
    /// so are the sessions and tokens opened with the previous password.</summary>
    public void DefinirMotDePasse(Identifiants identifiants, string motDePasse)
    {
        identifiants.MotDePasseHash = hasher.HashPassword(identifiants, motDePasse);
        identifiants.DoitChangerMotDePasse = false;
        identifiants.RenouvelerTampon();
    }
}
