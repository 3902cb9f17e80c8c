using System.Globalization;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Persistence;
using Marten;
using Microsoft.Extensions.Configuration;

namespace Cpro.Kernel.Fichiers;

/// <summary>What one module's uploaded files take in an establishment's space (a scenario's resources, a portfolio's
/// attachments). Each module storing files registers one, so the space counts them all.</summary>
public interface IOccupationEspace
{
    /// <summary>The bytes of the module's files among <paramref name="documents"/>, one establishment's.</summary>
    Task<long> OctetsAsync(IQuerySession documents, CancellationToken cancellationToken);
}

/// <summary>The establishment's space for uploaded files, every module's together: CPRO_QUOTA_RESSOURCES_MO megabytes
/// (500 by default).</summary>
public sealed class EspaceFichiers(UnitOfWork unitOfWork, IEnumerable<IOccupationEspace> occupations, IConfiguration configuration)
{
    public long Quota => configuration.GetValue("CPRO_QUOTA_RESSOURCES_MO", 500L) * 1024 * 1024;

    /// <summary>422 when adding these bytes would exceed the establishment's space. <paramref name="documents"/> are that
    /// establishment's. First takes the establishment's files lock (PostgreSQL advisory lock held until the command's
    /// transaction ends): otherwise two uploads or copies at once, in one module or two, would each pass the check before
    /// the other's bytes are saved. Every path adding bytes comes through here, and only for the establishment receiving
    /// them: a command holds one such lock, so two copies in opposite directions cannot deadlock.</summary>
    public async Task VerifierAsync(IQuerySession documents, Guid etablissementId, long ajout, CancellationToken cancellationToken)
    {
        await unitOfWork.VerrouillerAsync($"cpro.ressources:{etablissementId}", cancellationToken);
        var utilise = 0L;
        foreach (var occupation in occupations)
        {
            utilise += await occupation.OctetsAsync(documents, cancellationToken);
        }
        if (utilise + ajout > Quota)
        {
            throw new NonTraitableException(
                $"L'espace des fichiers de l'établissement (ressources et pièces jointes) serait dépassé ({Mo(utilise)} Mo utilisés sur {Mo(Quota)} Mo) : supprimez des fichiers.");
        }
    }

    private static string Mo(long octets) => (octets / (1024.0 * 1024)).ToString("0.#", CultureInfo.GetCultureInfo("fr-FR"));
}
