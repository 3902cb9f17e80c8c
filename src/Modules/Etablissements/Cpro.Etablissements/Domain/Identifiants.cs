namespace Cpro.Etablissements.Domain;

/// <summary>What signing in needs: the login, the password hash, the lockout state, and the security stamp that cookies
/// and tokens carry.</summary>
internal sealed class Identifiants
{
    public const int EchecsAvantVerrouillage = 5;
    public static readonly TimeSpan DureeVerrouillage = TimeSpan.FromMinutes(15);

    /// <summary>Lower case, unique across the platform.</summary>
    public required string Login { get; set; }
    public required string MotDePasseHash { get; set; }
    public bool DoitChangerMotDePasse { get; set; }
    public int EchecsConsecutifs { get; set; }
    public DateTimeOffset? VerrouilleJusqua { get; set; }
    /// <summary>Renewed with the password and at deactivation: a cookie or token carrying another one has ended.</summary>
    public Guid TamponSecurite { get; set; } = Guid.NewGuid();

    public static string NormalizeLogin(string? login) => (login ?? "").Trim().ToLowerInvariant();

    public bool EstVerrouille(DateTimeOffset now) => VerrouilleJusqua is { } until && until > now;

    public void EnregistrerEchec(DateTimeOffset now)
    {
        EchecsConsecutifs++;
        if (EchecsConsecutifs >= EchecsAvantVerrouillage)
        {
            VerrouilleJusqua = now + DureeVerrouillage;
            EchecsConsecutifs = 0;
        }
    }

    public void RenouvelerTampon() => TamponSecurite = Guid.NewGuid();

    public void EnregistrerSucces()
    {
        EchecsConsecutifs = 0;
        VerrouilleJusqua = null;
    }
}
