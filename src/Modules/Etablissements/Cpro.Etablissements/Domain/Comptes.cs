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
        // Logins known to be taken, among those looked up (by exact value: the unique index, whatever the platform's size).
        var connus = bases.ToHashSet();
        var pris = await PrisAsync([.. connus], cancellationToken);
        await SuffixesAsync(bases, connus, pris, cancellationToken);
        var logins = new string[personnes.Count];
        for (var i = 0; i < personnes.Count; i++)
        {
            var login = bases[i];
            for (var n = 2; await PrisAsync(login, connus, pris, cancellationToken); n++)
            {
                login = bases[i] + n.ToString(CultureInfo.InvariantCulture);
            }
            pris.Add(login);
            logins[i] = login;
        }
        // Encrypting thousands of codes is CPU work, independent per account: spread over the cores.
        var comptes = new (Utilisateur, string)[personnes.Count];
        Parallel.For(0, personnes.Count, i =>
        {
            var (prenom, nom, profil, source) = personnes[i];
            var code = NouveauCode();
            comptes[i] = (new Utilisateur
            {
                EtablissementId = etablissementId,
                Identifiants = new Identifiants { Login = logins[i], MotDePasseHash = HacherCode(code), DoitChangerMotDePasse = true },
                CodeProvisoire = _protecteur.Protect(code),
                Nom = nom,
                Prenom = prenom,
                Profils = [profil],
                Source = source,
                CreeLe = maintenant,
            }, code);
        });
        return [.. comptes];
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

    /// <summary>Where a base login is taken, or wanted more than once, looks up « login2 », « login3 »… in a few batched
    /// queries, until each base has as many free logins as people: the loop in <see cref="CreerAsync"/> then rarely queries.</summary>
    private async Task SuffixesAsync(List<string> bases, HashSet<string> connus, HashSet<string> pris, CancellationToken cancellationToken)
    {
        var suites = bases.CountBy(b => b).Where(b => b.Value > 1 || pris.Contains(b.Key))
            .Select(b => new Suite(b.Key, b.Value, pris.Contains(b.Key) ? 0 : 1)).ToList();
        while (suites.Count > 0)
        {
            var candidats = new List<string>();
            var debuts = new List<int>(suites.Count);
            foreach (var suite in suites)
            {
                // At least what is missing; doubling when suffixes keep being taken.
                var combien = Math.Max(suite.Voulus - suite.Libres, suite.Dernier - 1);
                debuts.Add(suite.Dernier + 1);
                for (var k = 0; k < combien; k++)
                {
                    candidats.Add(suite.Base + (++suite.Dernier).ToString(CultureInfo.InvariantCulture));
                }
            }
            connus.UnionWith(candidats);
            pris.UnionWith(await PrisAsync(candidats, cancellationToken));
            for (var i = 0; i < suites.Count; i++)
            {
                for (var n = debuts[i]; n <= suites[i].Dernier; n++)
                {
                    suites[i].Libres += pris.Contains(suites[i].Base + n.ToString(CultureInfo.InvariantCulture)) ? 0 : 1;
                }
            }
            suites.RemoveAll(s => s.Libres >= s.Voulus);
        }
    }

    private sealed class Suite(string @base, int voulus, int libres)
    {
        public string Base { get; } = @base;
        public int Voulus { get; } = voulus;
        public int Libres { get; set; } = libres;
        public int Dernier { get; set; } = 1;
    }

    /// <summary>Whether a login is taken: from what was looked up, else (rare: a suffix one base gave that another needs) asked.</summary>
    private async Task<bool> PrisAsync(string login, HashSet<string> connus, HashSet<string> pris, CancellationToken cancellationToken)
    {
        if (connus.Add(login))
        {
            pris.UnionWith(await PrisAsync([login], cancellationToken));
        }
        return pris.Contains(login);
    }

    /// <summary>Logins taken across the platform (every establishment: explicitly across the filter), among the candidates.</summary>
    private async Task<HashSet<string>> PrisAsync(List<string> candidats, CancellationToken cancellationToken)
    {
        var utilisateurs = db.Utilisateurs.IgnoreQueryFilters().Select(u => u.Identifiants.Login);
        var admins = db.AdministrateursPlateforme.Select(a => a.Identifiants.Login);
        var logins = utilisateurs.Where(l => candidats.Contains(l)).Concat(admins.Where(l => candidats.Contains(l)));
        return [.. await logins.ToListAsync(cancellationToken)];
    }
}
