using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Etablissements.Domain;

/// <summary>Creates accounts: a login « prenom.nom » made unique across the platform, and a random temporary code
/// to hand out, to be changed at first sign-in. The code is high-entropy, so a fast hash suffices to check it;
/// it is also kept encrypted, only until that first sign-in, so the administrator can print the access codes.</summary>
internal sealed class Comptes(EtablissementsDbContext db, IDataProtectionProvider protection)
{
    public const string PrefixeCode = "code$";
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int LongueurCode = 12;

    private readonly IDataProtector _protecteur = protection.CreateProtector("Cpro.Etablissements.CodesProvisoires");

    /// <summary>One new account per person, in order; logins already taken anywhere on the platform are skipped.</summary>
    public async Task<List<(Utilisateur Utilisateur, string Code)>> CreerAsync(Guid etablissementId,
        IReadOnlyList<(string Prenom, string Nom, string Profil, string Source)> personnes, DateTimeOffset maintenant,
        CancellationToken cancellationToken)
    {
        var bases = personnes.Select(p => BaseLogin(p.Prenom, p.Nom)).ToList();
        var pris = await PrisAsync(bases.Distinct().ToList(), exact: true, cancellationToken);
        // Where a login is taken, every « login2 », « login3 »… taken too, in one query.
        var enCollision = bases.Where(pris.Contains).Distinct().Select(b => b + "%").ToList();
        if (enCollision.Count > 0)
        {
            pris.UnionWith(await PrisAsync(enCollision, exact: false, cancellationToken));
        }
        var comptes = new List<(Utilisateur, string)>(personnes.Count);
        for (var i = 0; i < personnes.Count; i++)
        {
            var login = bases[i];
            for (var n = 2; pris.Contains(login); n++)
            {
                login = bases[i] + n.ToString(CultureInfo.InvariantCulture);
            }
            pris.Add(login);
            var (prenom, nom, profil, source) = personnes[i];
            var code = NouveauCode();
            comptes.Add((new Utilisateur
            {
                EtablissementId = etablissementId,
                Identifiants = new Identifiants { Login = login, MotDePasseHash = HacherCode(code), DoitChangerMotDePasse = true },
                CodeProvisoire = _protecteur.Protect(code),
                Nom = nom,
                Prenom = prenom,
                Profils = [profil],
                Source = source,
                CreeLe = maintenant,
            }, code));
        }
        return comptes;
    }

    /// <summary>A new temporary code for an existing account (password forgotten): the account is unlocked and its
    /// owner must choose a password again at the next sign-in.</summary>
    public string RenouvelerCode(Utilisateur utilisateur)
    {
        var code = NouveauCode();
        utilisateur.Identifiants.MotDePasseHash = HacherCode(code);
        utilisateur.Identifiants.DoitChangerMotDePasse = true;
        utilisateur.Identifiants.EnregistrerSucces();
        utilisateur.CodeProvisoire = _protecteur.Protect(code);
        return code;
    }

    public string? CodeProvisoire(Utilisateur utilisateur) =>
        utilisateur.CodeProvisoire is { } protege ? _protecteur.Unprotect(protege) : null;

    public static string HacherCode(string code) =>
        PrefixeCode + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    public static bool VerifierCode(string hash, string code) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(HacherCode(code)));

    /// <summary>« prenom.nom »: lower case, no accents, letters, digits and hyphens only.</summary>
    public static string BaseLogin(string prenom, string nom)
    {
        var login = $"{Simplifier(prenom)}.{Simplifier(nom)}".Trim('.');
        return login.Length > 90 ? login[..90] : login;
    }

    private static string Simplifier(string texte)
    {
        var decompose = texte.Trim().ToLowerInvariant().Replace("œ", "oe", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var resultat = new StringBuilder(decompose.Length);
        foreach (var c in decompose)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                resultat.Append(c);
            }
            else if (c is ' ' or '-' or '\'' && resultat.Length > 0 && resultat[^1] != '-')
            {
                resultat.Append('-');
            }
        }
        return resultat.ToString().Trim('-');
    }

    private static string NouveauCode() => RandomNumberGenerator.GetString(Alphabet, LongueurCode);

    /// <summary>Logins taken across the platform (every establishment: explicitly across the filter), equal to or
    /// (<paramref name="exact"/> false) LIKE the candidates. Logins hold no LIKE wildcard (see <see cref="BaseLogin"/>).</summary>
    private async Task<HashSet<string>> PrisAsync(List<string> candidats, bool exact, CancellationToken cancellationToken)
    {
        var utilisateurs = db.Utilisateurs.IgnoreQueryFilters().Select(u => u.Identifiants.Login);
        var admins = db.AdministrateursPlateforme.Select(a => a.Identifiants.Login);
        var logins = exact
            ? utilisateurs.Where(l => candidats.Contains(l)).Concat(admins.Where(l => candidats.Contains(l)))
            : utilisateurs.Where(l => candidats.Any(c => EF.Functions.Like(l, c))).Concat(admins.Where(l => candidats.Any(c => EF.Functions.Like(l, c))));
        return [.. await logins.ToListAsync(cancellationToken)];
    }
}
