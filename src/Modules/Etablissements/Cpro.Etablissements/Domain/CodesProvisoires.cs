using System.Security.Cryptography;
using System.Text;
using Cpro.Kernel.Persistence;
using Marten;
using Microsoft.AspNetCore.DataProtection;

namespace Cpro.Etablissements.Domain;

/// <summary>The key that encrypts an establishment's temporary codes, itself protected by Data Protection; its id is the
/// establishment's.</summary>
internal sealed class CleCodesProvisoires
{
    public Guid Id { get; set; }
    public required byte[] CleProtegee { get; init; }
}

/// <summary>Temporary codes stay encrypted until first sign-in, so that the administrator can print them. One import creates
/// thousands: each establishment has its own AES-256-GCM key, wrapped by Data Protection (envelope encryption), so that a
/// code costs one AES-GCM operation rather than one Data Protection call with its key derivation.</summary>
internal sealed class CodesProvisoires(IDocumentSession session, UnitOfWork unitOfWork, IDataProtectionProvider protection)
{
    private readonly IDataProtector _protecteur = protection.CreateProtector("Cpro.Etablissements.ClesCodesProvisoires");
    private readonly Dictionary<Guid, byte[]> _creees = [];

    /// <summary>The establishment's key, created at first need. Two commands creating it at once: the second waits for the
    /// first's commit (the key's lock), then reads the key it wrote, so no code is ever encrypted under a lost key.</summary>
    public async Task<Cle> CleAsync(Guid etablissementId, CancellationToken cancellationToken)
    {
        var documents = session.PourEtablissement(etablissementId);
        var protegee = _creees.GetValueOrDefault(etablissementId)
                       ?? (await documents.LoadAsync<CleCodesProvisoires>(etablissementId, cancellationToken))?.CleProtegee;
        if (protegee is null && unitOfWork.EnCommande)
        {
            await unitOfWork.VerrouillerAsync($"cpro.cles-codes:{etablissementId}", cancellationToken);
            protegee = (await documents.LoadAsync<CleCodesProvisoires>(etablissementId, cancellationToken))?.CleProtegee;
            if (protegee is null)
            {
                protegee = _protecteur.Protect(RandomNumberGenerator.GetBytes(32));
                documents.Insert(new CleCodesProvisoires { Id = etablissementId, CleProtegee = protegee });
                // Saved with the command: until then, this command's other codes use it from here.
                _creees[etablissementId] = protegee;
            }
        }
        if (protegee is null)
        {
            throw new InvalidOperationException("Aucun code provisoire n'a encore été créé dans cet établissement.");
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
