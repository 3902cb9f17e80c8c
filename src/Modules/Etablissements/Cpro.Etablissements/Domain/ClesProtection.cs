using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Cpro.Etablissements.Domain;

/// <summary>A Data Protection key, platform-wide: cookies, tokens, temporary codes and emails in the outbox stay readable
/// across restarts and by every instance of the host.</summary>
internal sealed class CleProtection
{
    /// <summary>Data Protection's name for the key.</summary>
    public required string Id { get; init; }
    public required string Xml { get; init; }
}

/// <summary>Data Protection's key ring in the store. Data Protection's interface is synchronous and Marten's access only
/// asynchronous: it waits for it, which is acceptable as Data Protection calls it rarely (at start, then when its key
/// ring expires or a key is made), each time in a session of its own.</summary>
internal sealed class ClesProtection(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        return [.. session.Query<CleProtection>().ToListAsync().GetAwaiter().GetResult().Select(c => XElement.Parse(c.Xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new CleProtection { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
