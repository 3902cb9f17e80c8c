using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Etablissements.Domain;

/// <summary>The key that encrypts an establishment's temporary codes, itself protected by Data Protection.</summary>
internal sealed class CleCodesProvisoires
{
    public Guid EtablissementId { get; init; }
    public required byte[] CleProtegee { get; init; }
}

/// <summary>Temporary codes stay encrypted until first sign-in, so that the administrator can print them. One import creates
/// thousands: each establishment has its own AES-256-GCM key, wrapped by Data Protection (envelope encryption), so that a
/// code costs one AES-GCM operation rather than one Data Protection call with its key derivation.</summary>
internal sealed class CodesProvisoires(EtablissementsDbContext db, IDataProtectionProvider protection)
{
    private readonly IDataProtector _protecteur = protection.CreateProtector("Cpro.Etablissements.ClesCodesProvisoires");

    /// <summary>The establishment's key, created at first need. Two transactions creating it at once: the second waits on
    /// the first's row and then reads it (ON CONFLICT DO NOTHING, then a new read).</summary>
    public async Task<Cle> CleAsync(Guid etablissementId, CancellationToken cancellationToken)
    {
        if (await LireAsync(etablissementId, cancellationToken) is not { } protegee)
        {
            var nouvelle = _protecteur.Protect(RandomNumberGenerator.GetBytes(32));
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO etablissements."ClesCodesProvisoires" ("EtablissementId", "CleProtegee") VALUES ({etablissementId}, {nouvelle}) ON CONFLICT DO NOTHING""",
                cancellationToken);
            protegee = await LireAsync(etablissementId, cancellationToken)
                       ?? throw new InvalidOperationException("La clé des codes provisoires n'a pas été enregistrée.");
        }
        var octets = _protecteur.Unprotect(protegee);
        try
        {
            return new Cle(octets);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(octets);
        }
    }

    private Task<byte[]?> LireAsync(Guid etablissementId, CancellationToken cancellationToken) =>
        db.ClesCodesProvisoires.Where(c => c.EtablissementId == etablissementId).Select(c => c.CleProtegee).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Nonce, cipher text and tag in one base64 string; the account's id is authenticated with it, so a code
    /// copied onto another account does not decrypt.</summary>
    internal sealed class Cle(byte[] octets) : IDisposable
    {
        private const int TailleNonce = 12, TailleTag = 16;
        private readonly AesGcm _aes = new(octets, TailleTag);

        public string Chiffrer(Guid utilisateurId, string code)
        {
            var clair = Encoding.UTF8.GetBytes(code);
            var resultat = new byte[TailleNonce + clair.Length + TailleTag];
            var nonce = resultat.AsSpan(0, TailleNonce);
            RandomNumberGenerator.Fill(nonce);
            _aes.Encrypt(nonce, clair, resultat.AsSpan(TailleNonce, clair.Length), resultat.AsSpan(TailleNonce + clair.Length), utilisateurId.ToByteArray());
            return Convert.ToBase64String(resultat);
        }

        public string Dechiffrer(Guid utilisateurId, string chiffre)
        {
            var octetsChiffres = Convert.FromBase64String(chiffre);
            var clair = new byte[octetsChiffres.Length - TailleNonce - TailleTag];
            _aes.Decrypt(octetsChiffres.AsSpan(0, TailleNonce), octetsChiffres.AsSpan(TailleNonce, clair.Length),
                octetsChiffres.AsSpan(TailleNonce + clair.Length), clair, utilisateurId.ToByteArray());
            return Encoding.UTF8.GetString(clair);
        }

        public void Dispose() => _aes.Dispose();
    }
}
