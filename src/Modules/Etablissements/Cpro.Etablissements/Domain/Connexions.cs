using System.Security.Claims;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Cpro.Etablissements.Domain;

/// <summary>Checks a login and password (a temporary code or a chosen password), counting failures towards the lockout,
/// and sets a chosen password. Shared by signing in and by changing one's password.</summary>
internal sealed class Connexions(IDocumentSession session, IDocumentStore store, IPasswordHasher<Identifiants> hasher, TimeProvider clock)
{
    public const string AuthenticationType = "cpro";
    public const string IdentifiantsIncorrects = "Identifiant ou mot de passe incorrect.";
    public const int LongueurMin = 12;

    /// <summary>An account whose password was checked, and its establishment (none for the platform administrator); the
    /// principal is built when asked, so it reflects a change made since. <see cref="Enregistrer"/> stores it in the
    /// command's unit of work.</summary>
    internal sealed record Compte(Guid Id, Guid? EtablissementId, Identifiants Identifiants, Func<ClaimsPrincipal> Principal,
        Action<IDocumentSession> Enregistrer)
    {
        /// <summary>The establishment's account, to change more than its credentials; null for the platform administrator.</summary>
        public Utilisateur? Utilisateur { get; init; }
    }

    /// <summary>The account, or the French reason it is refused. Failures are saved at once, in a transaction of their own:
    /// they count even when the command that checked the password fails afterwards. A success changes the account too
    /// (failures reset): the caller stores it once with its own changes (<see cref="Compte.Enregistrer"/>).</summary>
    public async Task<(Compte? Compte, string? Erreur)> VerifierAsync(string login, string password, CancellationToken cancellationToken)
    {
        login = Identifiants.NormalizeLogin(login);
        var now = clock.GetUtcNow();
        Compte compte;
        var admin = await session.Query<AdministrateurPlateforme>().SingleOrDefaultAsync(a => a.Identifiants.Login == login, cancellationToken);
        if (admin is not null)
        {
            compte = DeAdministrateur(admin);
        }
        else
        {
            // Signing in comes before any establishment is known: across establishments on purpose.
            var utilisateur = await session.Query<Utilisateur>().Where(u => u.AnyTenant() && u.Identifiants.Login == login).SingleOrDefaultAsync(cancellationToken);
            if (utilisateur is null)
            {
                return (null, IdentifiantsIncorrects);
            }
            if (!utilisateur.Actif)
            {
                return (null, "Ce compte est désactivé : adressez-vous à l'administrateur de votre établissement.");
            }
            compte = await DeUtilisateurAsync(utilisateur, cancellationToken);
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
            await using (var aPart = store.LightweightSession())
            {
                compte.Enregistrer(aPart);
                await aPart.SaveChangesAsync(cancellationToken);
            }
            return (null, IdentifiantsIncorrects);
        }
        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            identifiants.MotDePasseHash = hasher.HashPassword(identifiants, password);
        }
        identifiants.EnregistrerSucces();
        return (compte, null);
    }

    /// <summary>The account of a session signed in with a temporary password, which that sign-in proved: its owner
    /// chooses a password without typing the temporary one again. The host's gate has already checked that the session's
    /// stamp is still the account's. Null once the account no longer holds a temporary password.</summary>
    public async Task<Compte?> CompteProvisoireAsync(ICurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.DoitChangerMotDePasse || user.UserId is not { } id)
        {
            return null;
        }
        var compte = user.IsPlatformAdmin
            ? await session.LoadAsync<AdministrateurPlateforme>(id, cancellationToken) is { } admin ? DeAdministrateur(admin) : null
            : await session.LoadAsync<Utilisateur>(id, cancellationToken) is { Actif: true } utilisateur ? await DeUtilisateurAsync(utilisateur, cancellationToken) : null;
        return compte is { Identifiants.DoitChangerMotDePasse: true } ? compte : null;
    }

    private static Compte DeAdministrateur(AdministrateurPlateforme admin) =>
        new(admin.Id, null, admin.Identifiants, () => CproClaims.Principal(admin.Id, admin.Identifiants.Login, "Administrateur de la plateforme", null, null,
            [Profils.AdministrateurPlateforme], admin.Identifiants.TamponSecurite, AuthenticationType, admin.Identifiants.DoitChangerMotDePasse),
            s => s.Store(admin));

    private async Task<Compte> DeUtilisateurAsync(Utilisateur utilisateur, CancellationToken cancellationToken)
    {
        var etablissementId = Guid.Parse((await session.MetadataForAsync(utilisateur, cancellationToken))!.TenantId);
        var uai = (await session.LoadAsync<Etablissement>(etablissementId, cancellationToken))!.Uai;
        var lu = utilisateur.Version;
        return new Compte(utilisateur.Id, etablissementId, utilisateur.Identifiants, () => CproClaims.Principal(utilisateur.Id, utilisateur.Identifiants.Login,
            utilisateur.NomComplet, etablissementId, uai, utilisateur.Profils, utilisateur.Identifiants.TamponSecurite, AuthenticationType,
            utilisateur.Identifiants.DoitChangerMotDePasse), s => s.PourEtablissement(etablissementId).StoreRevision(utilisateur, lu))
        {
            Utilisateur = utilisateur,
        };
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
