using System.Security.Cryptography;
using System.Text.Json;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Marten;
using Microsoft.AspNetCore.DataProtection;

namespace Cpro.Etablissements.Siecle;

/// <summary>The files of a preview, kept on the server for an hour so the import is confirmed without sending them again.
/// Only the user who previewed them may import them, into the same establishment. They hold minors' names and birth
/// dates: they are written encrypted (Data Protection), never as they came.</summary>
internal sealed class ImportsEnAttente(IQuerySession session, ICurrentUser user, TimeProvider clock, IDataProtectionProvider protection)
{
    private const string Metadonnees = "attente.json";
    private static readonly TimeSpan Duree = TimeSpan.FromHours(1);

    private readonly IDataProtector _protecteur = protection.CreateProtector("Cpro.Etablissements.ImportsEnAttente");

    public static string Racine { get; } = Path.Combine(Path.GetTempPath(), "cpro-imports");

    private sealed record Attente(Guid EtablissementId, Guid UtilisateurId, DateTimeOffset Le, List<string> Fichiers);

    /// <summary>Copies the files aside for the current user; returns the id the confirmation sends back.</summary>
    public async Task<Guid> DeposerAsync(string uai, IReadOnlyList<FichierDepose> fichiers, CancellationToken cancellationToken)
    {
        var etablissement = await AccesEtablissement.AdministrableAsync(session, user, uai, cancellationToken);
        Nettoyer();
        var id = Guid.NewGuid();
        var dossier = Directory.CreateDirectory(Dossier(id)).FullName;
        for (var i = 0; i < fichiers.Count; i++)
        {
            await using var source = fichiers[i].Ouvrir();
            using var contenu = new MemoryStream();
            await source.CopyToAsync(contenu, cancellationToken);
            await File.WriteAllBytesAsync(Chemin(dossier, i), Protecteur(id).Protect(contenu.ToArray()), cancellationToken);
        }
        var attente = new Attente(etablissement.Id, Utilisateur(), clock.GetUtcNow(), [.. fichiers.Select(f => f.Nom)]);
        await File.WriteAllTextAsync(Path.Combine(dossier, Metadonnees), JsonSerializer.Serialize(attente), cancellationToken);
        return id;
    }

    /// <summary>The files of a preview of the current user for this establishment.</summary>
    public async Task<IReadOnlyList<FichierDepose>> OuvrirAsync(Guid id, string uai, CancellationToken cancellationToken)
    {
        var etablissement = await AccesEtablissement.AdministrableAsync(session, user, uai, cancellationToken);
        var dossier = Dossier(id);
        var chemin = Path.Combine(dossier, Metadonnees);
        var attente = File.Exists(chemin)
            ? JsonSerializer.Deserialize<Attente>(await File.ReadAllTextAsync(chemin, cancellationToken))
            : null;
        if (attente is null || clock.GetUtcNow() - attente.Le > Duree)
        {
            throw new IntrouvableException("Cette prévisualisation a expiré ou a déjà été importée : déposez à nouveau les fichiers.");
        }
        if (attente.EtablissementId != etablissement.Id || attente.UtilisateurId != Utilisateur())
        {
            throw new InterditException("Seul l'utilisateur qui a prévisualisé ces fichiers peut en confirmer l'import, dans le même établissement.");
        }
        var fichiers = new List<FichierDepose>(attente.Fichiers.Count);
        for (var i = 0; i < attente.Fichiers.Count; i++)
        {
            byte[] contenu;
            try
            {
                contenu = Protecteur(id).Unprotect(await File.ReadAllBytesAsync(Chemin(dossier, i), cancellationToken));
            }
            catch (Exception e) when (e is CryptographicException or IOException)
            {
                throw new IntrouvableException("Les fichiers de cette prévisualisation ne peuvent plus être lus sur le serveur : déposez-les à nouveau.");
            }
            fichiers.Add(new FichierDepose(attente.Fichiers[i], () => new MemoryStream(contenu, writable: false)));
        }
        return fichiers;
    }

    public static void Supprimer(Guid id)
    {
        if (Directory.Exists(Dossier(id)))
        {
            Directory.Delete(Dossier(id), recursive: true);
        }
    }

    private static string Dossier(Guid id) => Path.Combine(Racine, id.ToString("N"));

    /// <summary>Bound to its preview: a file moved into another preview's folder does not decrypt.</summary>
    private IDataProtector Protecteur(Guid id) => _protecteur.CreateProtector(id.ToString("N"));

    /// <summary>Stored under their rank: a name chosen by the browser never becomes a path.</summary>
    private static string Chemin(string dossier, int rang) => Path.Combine(dossier, $"{rang}.bin");

    private Guid Utilisateur() => user.UserId ?? throw new InterditException();

    /// <summary>Previews never confirmed go when an hour old, at the next preview.</summary>
    private void Nettoyer()
    {
        if (!Directory.Exists(Racine))
        {
            return;
        }
        foreach (var dossier in Directory.EnumerateDirectories(Racine))
        {
            if (clock.GetUtcNow() - Directory.GetLastWriteTimeUtc(dossier) <= Duree)
            {
                continue;
            }
            try
            {
                Directory.Delete(dossier, recursive: true);
            }
            catch (IOException)
            {
                // Another request is deleting it or importing from it: the next clean-up will see it.
            }
        }
    }
}
