using System.Text.Json;
using Cpro.Etablissements.Features;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;

namespace Cpro.Etablissements.Siecle;

/// <summary>The files of a preview, kept on the server for an hour so the import is confirmed without sending them again.
/// Only the user who previewed them may import them, into the same establishment.</summary>
internal sealed class ImportsEnAttente(EtablissementsDbContext db, ICurrentUser user, TimeProvider clock)
{
    private const string Metadonnees = "attente.json";
    private static readonly TimeSpan Duree = TimeSpan.FromHours(1);

    public static string Racine { get; } = Path.Combine(Path.GetTempPath(), "cpro-imports");

    private sealed record Attente(Guid EtablissementId, Guid UtilisateurId, DateTimeOffset Le, List<string> Fichiers);

    /// <summary>Copies the files aside for the current user; returns the id the confirmation sends back.</summary>
    public async Task<Guid> DeposerAsync(string uai, IReadOnlyList<ImporterSiecle.Fichier> fichiers, CancellationToken cancellationToken)
    {
        var etablissement = await AccesEtablissement.AdministrableAsync(db, user, uai, cancellationToken);
        Nettoyer();
        var id = Guid.NewGuid();
        var dossier = Directory.CreateDirectory(Dossier(id)).FullName;
        // Stored under their rank: a name chosen by the browser never becomes a path.
        for (var i = 0; i < fichiers.Count; i++)
        {
            await using var source = fichiers[i].Ouvrir();
            await using var copie = File.Create(Path.Combine(dossier, $"{i}.xml"));
            await source.CopyToAsync(copie, cancellationToken);
        }
        var attente = new Attente(etablissement.Id, Utilisateur(), clock.GetUtcNow(), [.. fichiers.Select(f => f.Nom)]);
        await File.WriteAllTextAsync(Path.Combine(dossier, Metadonnees), JsonSerializer.Serialize(attente), cancellationToken);
        return id;
    }

    /// <summary>The files of a preview of the current user for this establishment.</summary>
    public async Task<IReadOnlyList<ImporterSiecle.Fichier>> OuvrirAsync(Guid id, string uai, CancellationToken cancellationToken)
    {
        var etablissement = await AccesEtablissement.AdministrableAsync(db, user, uai, cancellationToken);
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
        return [.. attente.Fichiers.Select((nom, i) => new ImporterSiecle.Fichier(nom, () => File.OpenRead(Path.Combine(dossier, $"{i}.xml"))))];
    }

    public static void Supprimer(Guid id)
    {
        if (Directory.Exists(Dossier(id)))
        {
            Directory.Delete(Dossier(id), recursive: true);
        }
    }

    private static string Dossier(Guid id) => Path.Combine(Racine, id.ToString("N"));

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
