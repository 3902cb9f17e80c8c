namespace Cpro.Etablissements.Domain;

internal sealed class Etablissement
{
    public Guid Id { get; init; } = Guid.NewGuid();
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
    /// <summary>PostgreSQL xmin: two administrators editing the parameters from stale copies get a conflict.</summary>
    public uint Version { get; set; }

    /// <summary>As in CPRO: accounts are created only once the establishment has a name and an email (the sender of their emails).</summary>
    public bool PeutCreerUtilisateurs => !string.IsNullOrWhiteSpace(Nom) && !string.IsNullOrWhiteSpace(Email);
}

/// <summary>The establishment's logo, apart so that loading an establishment never loads the image.</summary>
internal sealed class Logo
{
    public Guid EtablissementId { get; init; }
    public required byte[] Contenu { get; set; }
    public required string Type { get; set; }
    public DateTimeOffset ModifieLe { get; set; }
}
