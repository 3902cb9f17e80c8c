using Cpro.Kernel.Errors;
using Cpro.Kernel.Fichiers;
using Marten;

namespace Cpro.Portfolio.Domain;

/// <summary>A photo or document attached to a fiche or a journal entry (<see cref="ParentId"/>), checked by its content as
/// a scenario's resource is, and counted in the establishment's space for files; its bytes are a document of their own,
/// read only when downloaded.</summary>
internal sealed class PieceJointe : ITraceSuivi
{
    public const int TailleMax = 10 * 1024 * 1024;

    /// <summary>Given by whoever creates it: an initialiser would draw a Guid again at every read of the page.</summary>
    public required Guid Id { get; init; }
    public Guid PeriodeId { get; init; }
    public Guid ApprenantId { get; init; }
    public Guid ParentId { get; init; }
    public required string NomFichier { get; init; }
    public required string TypeContenu { get; init; }
    public long Taille { get; init; }
    public DateTimeOffset AjouteLe { get; init; }
    public required string AjoutePar { get; init; }

    /// <summary>The attachments of these fiches or entries, in the order added.</summary>
    public static async Task<ILookup<Guid, PieceJointe>> DeAsync(IQuerySession session, IReadOnlyCollection<Guid> parents, CancellationToken cancellationToken) =>
        (await session.Query<PieceJointe>().Where(p => parents.Contains(p.ParentId)).ToListAsync(cancellationToken))
        .OrderBy(p => p.AjouteLe).ToLookup(p => p.ParentId);

    /// <summary>The type of an accepted file (recognised by its content and its extension), or 422.</summary>
    public static string Type(string nom, byte[] contenu) =>
        TypeFichier.Reconnaitre(nom, contenu)
        ?? throw new NonTraitableException($"« {nom} » n'est pas accepté : son type n'est pas admis ou son contenu ne correspond pas à son extension. Types acceptés : {TypeFichier.Acceptes}.");
}

/// <summary>An attachment's bytes, under its id.</summary>
internal sealed class ContenuPieceJointe
{
    public Guid Id { get; init; }
    public required byte[] Contenu { get; init; }
}

/// <summary>The portfolios' attachments, in the establishment's space for files.</summary>
internal sealed class OccupationPiecesJointes : IOccupationEspace
{
    public async Task<long> OctetsAsync(IQuerySession documents, CancellationToken cancellationToken) =>
        await documents.Query<PieceJointe>().SumAsync(p => p.Taille, cancellationToken);
}
