using Cpro.Kernel.Modules;
using Cpro.Referentiels.Catalogue;
using Cpro.Referentiels.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cpro.Referentiels.Startup;

/// <summary>Loads the référentiels shipped in this assembly (Catalogue/*.json): a new code is inserted, a changed version
/// replaces the stored one, an unchanged one is left alone, so a second start writes nothing. A shipped file that fails
/// validation stops the start.</summary>
internal sealed class ChargementCatalogue(ReferentielsDbContext db, TimeProvider clock, ILogger<ChargementCatalogue> logger) : IStartupTask
{
    private const string Prefixe = "Catalogue/";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var fichiers = Fichiers().ToList();
        var codes = fichiers.Select(f => f.Referentiel.Code).ToList();
        var existants = await db.Referentiels.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, cancellationToken);
        foreach (var (nom, referentiel) in fichiers)
        {
            if (!existants.TryGetValue(referentiel.Code, out var stocke))
            {
                db.Referentiels.Add(Referentiel.Creer(referentiel, Referentiel.SourceCatalogue, clock.GetUtcNow(), null));
            }
            else if (stocke.Version != referentiel.Version || stocke.Source != Referentiel.SourceCatalogue)
            {
                // A code once imported by hand and now shipped becomes catalogue data.
                stocke.Remplacer(referentiel, Referentiel.SourceCatalogue, clock.GetUtcNow(), null);
            }
            else
            {
                continue;
            }
            logger.LogInformation("Référentiel {Code} chargé depuis {Fichier} (version {Version})", referentiel.Code, nom, referentiel.Version[..12]);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<(string Nom, ReferentielValide Referentiel)> Fichiers()
    {
        var assembly = typeof(ChargementCatalogue).Assembly;
        foreach (var ressource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefixe, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var flux = assembly.GetManifestResourceStream(ressource)!;
            using var memoire = new MemoryStream();
            flux.CopyTo(memoire);
            var lecture = ValidateurReferentiel.Lire(memoire.ToArray());
            yield return lecture.Referentiel is { } valide
                ? (ressource, valide)
                : throw new InvalidOperationException($"Le référentiel livré {ressource} est invalide : {string.Join(" ", lecture.Erreurs)}");
        }
    }
}
