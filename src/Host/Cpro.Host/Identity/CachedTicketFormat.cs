using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Cpro.Host.Identity;

/// <summary>Keeps the tickets read from cookies and bearer tokens for a few minutes, keyed by their protected text: every
/// request of a session carries the same text, and unprotecting it (key derivation, decryption, deserialisation) was
/// an eighth of a light request's CPU. Nothing is trusted longer than before: the handlers still check each ticket's
/// expiry, and <see cref="AccountGate"/> its account's security stamp at every request. Each caller gets its own copy,
/// since the handlers and the request may change the principal or the properties.</summary>
internal sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, IMemoryCache cache, string scheme)
    : ISecureDataFormat<AuthenticationTicket>
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>One cache for every scheme, bounded: past that many sessions, new ones are simply read the slow way.</summary>
    public static IMemoryCache NewCache() => new MemoryCache(new MemoryCacheOptions { SizeLimit = 20_000 });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return inner.Unprotect(protectedText, purpose);
        }
        var key = (scheme, purpose, protectedText);
        if (!cache.TryGetValue(key, out AuthenticationTicket? ticket))
        {
            // An unreadable text is not kept: it costs its sender the full price each time.
            ticket = inner.Unprotect(protectedText, purpose);
            if (ticket is null)
            {
                return null;
            }
            cache.Set(key, ticket, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        }
        // ClaimsPrincipal.Clone shares its identities: each is cloned, with its claims.
        var principal = new ClaimsPrincipal(ticket!.Principal.Identities.Select(identity => identity.Clone()));
        return new AuthenticationTicket(principal, ticket.Properties.Clone(), ticket.AuthenticationScheme);
    }
}
