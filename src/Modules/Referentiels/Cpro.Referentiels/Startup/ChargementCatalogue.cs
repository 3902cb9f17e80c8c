using Cpro.Kernel.Modules;
using Cpro.Referentiels.Catalogue;
using Cpro.Referentiels.Domain;
using Marten;
using Microsoft.Extensions.Logging;

namespace Cpro.Referentiels.Startup;

/// <summary>Loads the référentiels shipped in this assembly (Catalogue/*.json): a new code is inserted, a changed version
/// replaces the stored one, an unchanged one is left alone, so a second start writes nothing. A shipped file that fails
/// validation stops the start.</summary>
internal sealed class ChargementCatalogue(IDocumentStore store, TimeProvider clock, ILogger<ChargementCatalogue> logger) : IStartupTask
{
    private const string Prefixe = "Catalogue/";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var fichiers = Fichiers().ToList();
        var codes = fichiers.Select(f => f.Referentiel.Code).ToList();
        // Outside any request: a session of its own on the global catalogue, saved here since no command wraps it.
        await using var session = store.LightweightSession();
        var existants = (await session.Query<Referentiel>().Where(r => codes.Contains(r.Code))
                .Select(r => new { r.Code, r.Version, r.Source }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Code, StringComparer.Ordinal);
        foreach (var (nom, referentiel) in fichiers)
        {
            // A code once imported by hand and now shipped becomes catalogue data.
            if (existants.TryGetValue(referentiel.Code, out var stocke) && stocke.Version == referentiel.Version && stocke.Source == Referentiel.SourceCatalogue)
            {
                continue;
            }
            session.Store(Referentiel.Creer(referentiel, Referentiel.SourceCatalogue, clock.GetUtcNow(), null));
            logger.LogInformation("Référentiel {Code} chargé depuis {Fichier} (version {Version})", referentiel.Code, nom, referentiel.Version[..12]);
        }
        await session.SaveChangesAsync(cancellationToken);
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
