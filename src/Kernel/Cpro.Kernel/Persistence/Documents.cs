using JasperFx;
using Marten;

namespace Cpro.Kernel.Persistence;

/// <summary>What every module does with its documents beyond Marten's own verbs.</summary>
public static class Documents
{
    /// <summary>The documents of another establishment than the current user's, in the same unit of work: said explicitly
    /// where a handler crosses establishments (a copy shared with another one, the platform administrator's work, a
    /// question another module asks about a named establishment).</summary>
    public static ITenantOperations PourEtablissement(this IDocumentSession session, Guid etablissementId) =>
        session.ForTenant(UnitOfWork.Tenant(etablissementId));

    /// <inheritdoc cref="PourEtablissement(IDocumentSession, Guid)"/>
    public static ITenantQueryOperations PourEtablissement(this IQuerySession session, Guid etablissementId) =>
        session.ForTenant(UnitOfWork.Tenant(etablissementId));

    /// <summary>The qualified name of a document type's table, for the little SQL documents do not express (bulk copies,
    /// an expression index): taken from the store's mapping, so it cannot drift from the schema.</summary>
    public static string Table<T>(this IDocumentStore store) =>
        store.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;

    /// <summary>Stores a versioned document changed from a copy read at <paramref name="revisionRead"/>: the save is refused
    /// (409) if anyone saved it since, even between this request's own check and its commit. Marten checks a numeric
    /// revision only this way, never on a plain Store.</summary>
    public static void StoreRevision<T>(this IDocumentOperations session, T document, int revisionRead) where T : class, IRevisioned
    {
        session.UpdateRevision(document, revisionRead + 1);
        // What the command answers is what the store will hold once it commits.
        document.Version = revisionRead + 1;
    }
}
