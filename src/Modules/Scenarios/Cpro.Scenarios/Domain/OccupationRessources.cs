using Cpro.Kernel.Fichiers;
using Marten;

namespace Cpro.Scenarios.Domain;

/// <summary>The scenarios' resources, in the establishment's space for files.</summary>
internal sealed class OccupationRessources : IOccupationEspace
{
    public async Task<long> OctetsAsync(IQuerySession documents, CancellationToken cancellationToken) =>
        await documents.Query<Ressource>().SumAsync(r => r.Taille, cancellationToken);
}
