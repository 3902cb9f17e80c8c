namespace Cpro.Etablissements.Courriels;

/// <summary>An email in the outbox of its establishment: written in the same transaction as what caused it, sent
/// afterwards, retried until sent. Its body may hold a temporary password, so it is stored encrypted.</summary>
internal sealed class Courriel
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Its establishment's tenant id, filled by the store when read: the sender works across establishments and
    /// writes each email back to its own.</summary>
    public string Tenant { get; set; } = "";
    public required string Destinataire { get; init; }
    public required string Objet { get; init; }
    public required string CorpsChiffre { get; init; }
    public DateTimeOffset CreeLe { get; init; }
    public DateTimeOffset ProchainEssaiLe { get; set; }
    public DateTimeOffset? EnvoyeLe { get; set; }
    public int Tentatives { get; set; }
    public string? DerniereErreur { get; set; }
    /// <summary>Where it went: « SMTP » or the file written under the mail folder.</summary>
    public string? Transport { get; set; }

    /// <summary>Waits grow from one minute to an hour, and never stop: an email is never given up.</summary>
    public static TimeSpan Attente(int tentatives) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Min(tentatives - 1, 6))));
}
