using JasperFx;

namespace Cpro.Etablissements.Domain;

/// <summary>An establishment of the platform: platform-wide (it is the tenant of everything it owns).</summary>
internal sealed class Etablissement : IRevisioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Uai { get; init; }
    public required string Nom { get; set; }
    /// <summary>May be empty until the establishment's administrator fills in its parameters.</summary>
    public string Email { get; set; } = "";
    public string? Adresse { get; set; }
    /// <summary>Read by the Transferts module: may learners' records be transferred to another establishment?</summary>
    public bool TransfertsAutorises { get; set; }
    /// <summary>Read by the modules an inspector may consult.</summary>
    public bool AccesInspecteurAutorise { get; set; }
    public DateTimeOffset CreeLe { get; init; }
    /// <summary>Two administrators editing the parameters from stale copies get a conflict. A new one is at its first
    /// revision (the one the store gives it), so the API answers it before the commit.</summary>
    public int Version { get; set; } = 1;

    /// <summary>As in CPRO: accounts are created only once the establishment has a name and an email (the sender of their emails).</summary>
    public bool PeutCreerUtilisateurs => !string.IsNullOrWhiteSpace(Nom) && !string.IsNullOrWhiteSpace(Email);
}

/// <summary>The establishment's logo, apart so that loading an establishment never loads the image. One per
/// establishment: its id is the establishment's.</summary>
internal sealed class Logo
{
    public Guid Id { get; set; }
    public required byte[] Contenu { get; set; }
    public required string Type { get; set; }
    public DateTimeOffset ModifieLe { get; set; }
}
