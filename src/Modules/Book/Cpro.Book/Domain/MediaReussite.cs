using Cpro.Kernel.Errors;
using Cpro.Kernel.Fichiers;
using Marten;

namespace Cpro.Book.Domain;

/// <summary>A photo or document illustrating a réussite (six at most), checked by its content as a portfolio's attachment
/// and counted in the establishment's space for files. A photo is kept reduced and without its metadata
/// (<see cref="Photos"/>): the original, which may say where it was taken, is never stored. Its bytes are a document of
/// their own, read only when shown.</summary>
internal sealed class MediaReussite
{
    public const int TailleMax = 10 * 1024 * 1024;
    public const int ParReussite = 6;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ReussiteId { get; init; }
    public Guid ApprenantId { get; init; }
    public required string NomFichier { get; init; }
    public required string TypeContenu { get; init; }
    public long Taille { get; init; }
    public bool Photo { get; init; }
    public DateTimeOffset AjouteLe { get; init; }

    /// <summary>The type of an accepted file (recognised by its content and its extension), or 422.</summary>
    public static string Type(string nom, byte[] contenu) =>
        TypeFichier.Reconnaitre(nom, contenu)
        ?? throw new NonTraitableException($"« {nom} » n'est pas accepté : son type n'est pas admis ou son contenu ne correspond pas à son extension. Types acceptés : {TypeFichier.Acceptes}.");

    /// <summary>The medias of these réussites, in the order added.</summary>
    public static async Task<ILookup<Guid, MediaReussite>> DeAsync(IQuerySession session, IReadOnlyCollection<Guid> reussites, CancellationToken cancellationToken) =>
        (await session.Query<MediaReussite>().Where(m => reussites.Contains(m.ReussiteId)).ToListAsync(cancellationToken))
        .OrderBy(m => m.AjouteLe).ToLookup(m => m.ReussiteId);
}

/// <summary>A media's bytes, under its id.</summary>
internal sealed class ContenuMedia
{
    public Guid Id { get; init; }
    public required byte[] Contenu { get; init; }
}

/// <summary>The books' medias, in the establishment's space for files (the bin's too, until purged).</summary>
internal sealed class OccupationMedias : IOccupationEspace
{
    public async Task<long> OctetsAsync(IQuerySession documents, CancellationToken cancellationToken) =>
        await documents.Query<MediaReussite>().SumAsync(m => m.Taille, cancellationToken);
}
