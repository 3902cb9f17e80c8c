namespace Cpro.Etablissements.Siecle;

/// <summary>A file as sent, reopened as often as needed (its encoding is checked before it is parsed).</summary>
internal sealed record FichierDepose(string Nom, Func<Stream> Ouvrir);

/// <summary>What one file holds, read and checked for form, before it is compared with the database.</summary>
internal abstract record Export(string NomFichier)
{
    public string? Uai { get; set; }
    public int? Annee { get; set; }
    public List<FicheSignalee> Rejets { get; } = [];
    public abstract string Type { get; }
}

internal sealed record ExportEleves(string NomFichier) : Export(NomFichier)
{
    public override string Type => "BEE_ELEVES";
    public List<EleveLu> Eleves { get; } = [];
    public Dictionary<string, StructuresEleve> Structures { get; } = [];
}

internal sealed record EleveLu(string EleveId, string? Ine, string Nom, string Prenom, string? Prenom2, DateOnly? DateNaissance,
    string? Sexe, string? Mef, string Statut, DateOnly? DateEntree, DateOnly? DateSortie)
{
    public string NomComplet => $"{Nom} {Prenom}";
}

internal sealed record StructuresEleve(string? Division, List<string> Groupes);

internal sealed record ExportResponsables(string NomFichier) : Export(NomFichier)
{
    public override string Type => "BEE_RESPONSABLES";
    public List<PersonneLue> Personnes { get; } = [];
    /// <summary>PERSONNE_ID → "ELEVE_ID:niveau:parenté".</summary>
    public Dictionary<string, List<string>> Liens { get; } = [];

    public static ReadOnlySpan<char> EleveDuLien(string lien) => lien.AsSpan(0, lien.IndexOf(':', StringComparison.Ordinal));
}

internal sealed record PersonneLue(string PersonneId, string? Civilite, string Nom, string Prenom)
{
    public string NomComplet => $"{Nom} {Prenom}";
}

internal sealed record ExportSts(string NomFichier) : Export(NomFichier)
{
    public override string Type => "STS_EDT";
    public List<IndividuLu> Individus { get; } = [];
    public List<StructureLue> Structures { get; } = [];
    public Dictionary<string, string> Mefs { get; } = [];
}

internal sealed record IndividuLu(string Id, string? Civilite, string Nom, string Prenom, DateOnly? DateNaissance, string? Fonction,
    List<string> Disciplines, List<string> ProfPrincipalDe)
{
    public string NomComplet => $"{Nom} {Prenom}";
}

internal sealed record StructureLue(string Type, string Code, string? Libelle, List<string> Appartenances, List<string> Services);

internal sealed record ExportNomenclatures(string NomFichier) : Export(NomFichier)
{
    public override string Type => "BEE_NOMENCLATURES";
    public Dictionary<string, string> Mefs { get; } = [];
}
