using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cpro.Kernel.Persistence;
using Marten;
using Marten.Storage;
using Npgsql;

namespace Cpro.Etablissements.Domain;

/// <summary>Creates accounts: a login « prenom.nom » made unique across the platform, and a random temporary code
/// to hand out, to be changed at first sign-in. The code is high-entropy, so a fast hash suffices to check it;
/// it is also kept encrypted (<see cref="CodesProvisoires"/>), only until that first sign-in, so the administrator can
/// print the access codes.</summary>
internal sealed class Comptes(UnitOfWork unitOfWork, IDocumentStore store, CodesProvisoires codes)
{
    public const string PrefixeCode = "code$";
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int LongueurCode = 12;

    /// <summary>One new account per person, in order; logins already taken anywhere on the platform are skipped. The caller
    /// stores them (or copies them in bulk).</summary>
    public async Task<List<(Utilisateur Utilisateur, string Code)>> CreerAsync(Guid etablissementId,
        IReadOnlyList<(string Prenom, string Nom, string Profil, string Source)> personnes, DateTimeOffset maintenant,
        CancellationToken cancellationToken)
    {
        if (personnes.Count == 0)
        {
            return [];
        }
        await using var preparation = await PreparerAsync(etablissementId, personnes.Select(p => (p.Prenom, p.Nom)), cancellationToken);
        return await CreerAsync(preparation, personnes, maintenant);
    }

    /// <summary>Starts the work of creating these candidates' accounts, for the caller to do something else meanwhile (an import
    /// compares its files and copies its guardians): the platform's accounts are locked, the codes drawn, hashed and
    /// encrypted on another core, and the logins taken with the candidates' roots looked up on a connection of their own.</summary>
    public async Task<Preparation> PreparerAsync(Guid etablissementId, IEnumerable<(string Prenom, string Nom)> candidats,
        CancellationToken cancellationToken)
    {
        await Verrous.ComptesAsync(unitOfWork, cancellationToken);
        var cle = await codes.CleAsync(etablissementId, cancellationToken);
        var racines = candidats.Select(c => Racine(BaseLogin(c.Prenom, c.Nom))).ToList();
        var secrets = Task.Run(() => Secrets(cle, racines.Count), cancellationToken);
        // Every candidate (« base », « base2 », « base3 »…) has the root of its base: one query finds all that are taken.
        var distinctes = racines.ToHashSet(StringComparer.Ordinal);
        return new Preparation(cle, secrets, PrisAsync([.. distinctes], cancellationToken), distinctes);
    }

    /// <summary>The accounts of these people, who must be among the prepared candidates: it asks nothing more of the
    /// database.</summary>
    public static async Task<List<(Utilisateur Utilisateur, string Code)>> CreerAsync(Preparation preparation,
        IReadOnlyList<(string Prenom, string Nom, string Profil, string Source)> personnes, DateTimeOffset maintenant)
    {
        await preparation.TermineeAsync();
        var bases = personnes.Select(p => BaseLogin(p.Prenom, p.Nom)).ToList();
        if (bases.Select(Racine).FirstOrDefault(r => !preparation.Racines.Contains(r)) is { } autre)
        {
            throw new InvalidOperationException($"Compte non préparé : racine « {autre} ».");
        }
        var tires = await preparation.Secrets;
        if (tires.Length < personnes.Count)
        {
            throw new InvalidOperationException($"Comptes non préparés : {personnes.Count} personnes pour {tires.Length} candidats.");
        }
        var pris = await preparation.Pris;
        var comptes = new List<(Utilisateur, string)>(personnes.Count);
        for (var i = 0; i < personnes.Count; i++)
        {
            var login = bases[i];
            for (var n = 2; !pris.Add(login); n++)
            {
                login = bases[i] + n.ToString(CultureInfo.InvariantCulture);
            }
            var (prenom, nom, profil, source) = personnes[i];
            var utilisateur = new Utilisateur
            {
                Id = tires[i].Id,
                Identifiants = new Identifiants { Login = login, MotDePasseHash = tires[i].Hash, DoitChangerMotDePasse = true },
                Nom = nom,
                Prenom = prenom,
                Profils = [profil],
                Source = source,
                CreeLe = maintenant,
                CodeProvisoire = tires[i].Chiffre,
            };
            comptes.Add((utilisateur, tires[i].Code));
        }
        return comptes;
    }

    /// <summary>Accounts being prepared (<see cref="PreparerAsync"/>). Disposed, it waits for what it started before the
    /// key it encrypts with is let go, even when the caller failed meanwhile.</summary>
    internal sealed class Preparation(CodesProvisoires.Cle cle, Task<Secret[]> secrets, Task<HashSet<string>> pris, HashSet<string> racines)
        : IAsyncDisposable
    {
        public Task<Secret[]> Secrets => secrets;
        public Task<HashSet<string>> Pris => pris;
        public HashSet<string> Racines => racines;

        /// <summary>Both started tasks ended, whether or not they failed.</summary>
        public Task TermineeAsync() => Task.WhenAll(secrets, pris).ContinueWith(_ => { }, TaskScheduler.Default);

        public async ValueTask DisposeAsync()
        {
            await TermineeAsync();
            cle.Dispose();
        }
    }

    internal readonly record struct Secret(Guid Id, string Code, string Hash, string Chiffre);

    /// <summary>A new account's id and temporary code, its hash, and the code encrypted for that account.</summary>
    private static Secret[] Secrets(CodesProvisoires.Cle cle, int nombre)
    {
        var secrets = new Secret[nombre];
        for (var i = 0; i < nombre; i++)
        {
            var id = Guid.CreateVersion7();
            var code = NouveauCode();
            secrets[i] = new Secret(id, code, HacherCode(code), cle.Chiffrer(id, code));
        }
        return secrets;
    }

    /// <summary>A new temporary code for an existing account (password forgotten): the account is unlocked, its open
    /// sessions and tokens end, and its owner must choose a password again at the next sign-in.</summary>
    public async Task<string> RenouvelerCodeAsync(Guid etablissementId, Utilisateur utilisateur, CancellationToken cancellationToken)
    {
        using var cle = await codes.CleAsync(etablissementId, cancellationToken);
        var code = NouveauCode();
        utilisateur.Identifiants.MotDePasseHash = HacherCode(code);
        utilisateur.Identifiants.DoitChangerMotDePasse = true;
        utilisateur.Identifiants.EnregistrerSucces();
        utilisateur.Identifiants.RenouvelerTampon();
        utilisateur.CodeProvisoire = cle.Chiffrer(utilisateur.Id, code);
        return code;
    }

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

    /// <summary>A login without its trailing digits: « lea.martin » for « lea.martin12 ». The logins' index on that root
    /// (<see cref="EtablissementsModule"/>) is on the same expression as <see cref="PrisAsync"/>'s condition.</summary>
    private static string Racine(string login) => login.AsSpan().TrimEnd("0123456789").ToString();

    public const string ExpressionRacine = "regexp_replace(?, '[0-9]+$', '')";

    /// <summary>Logins taken across the platform (every establishment, and the platform administrators) whose root is one of
    /// these: one query on the roots' index, across the establishments on purpose. It runs outside the command's
    /// transaction, which stays free for other work: the accounts lock that transaction holds makes every other creator of
    /// accounts wait, so every login taken is committed, hence seen.</summary>
    private async Task<HashSet<string>> PrisAsync(List<string> racines, CancellationToken cancellationToken)
    {
        await using var connexion = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connexion.OpenAsync(cancellationToken);
        var login = "data -> 'Identifiants' ->> 'Login'";
        var racine = ExpressionRacine.Replace("?", $"({login})", StringComparison.Ordinal);
        await using var commande = new NpgsqlCommand($"""
            SELECT {login} FROM {store.Table<Utilisateur>()} WHERE {racine} = ANY($1)
            UNION ALL
            SELECT {login} FROM {store.Table<AdministrateurPlateforme>()} WHERE {racine} = ANY($1)
            """, connexion);
        commande.Parameters.Add(new NpgsqlParameter { Value = racines.ToArray() });
        var pris = new HashSet<string>();
        await using var lecteur = await commande.ExecuteReaderAsync(cancellationToken);
        while (await lecteur.ReadAsync(cancellationToken))
        {
            pris.Add(lecteur.GetString(0));
        }
        return pris;
    }
}
