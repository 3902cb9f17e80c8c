namespace Cpro.Etablissements.Siecle;

/// <summary>A learner as SIECLE describes them (BEE_ELEVES). <see cref="EleveId"/> identifies them in the establishment,
/// the INE across establishments. Only what features use is kept: no address, no phone number.</summary>
internal sealed class Apprenant
{
    public required Guid Id { get; set; }
    public required string EleveId { get; init; }
    public string? Ine { get; set; }
    public required string Nom { get; set; }
    public required string Prenom { get; set; }
    public string? Prenom2 { get; set; }
    public DateOnly? DateNaissance { get; set; }
    public string? Sexe { get; set; }
    public string? Mef { get; set; }
    public required string Statut { get; set; }
    /// <summary>Null for a new arrival not yet placed in a class.</summary>
    public string? Division { get; set; }
    public List<string> Groupes { get; set; } = [];
    public DateOnly? DateEntree { get; set; }
    public DateOnly? DateSortie { get; set; }
    public bool Actif { get; set; } = true;
    public Guid? UtilisateurId { get; set; }
}

/// <summary>A parent or guardian (BEE_RESPONSABLES): name only, and the learners they are responsible for.</summary>
internal sealed class Responsable
{
    public required Guid Id { get; set; }
    public required string PersonneId { get; init; }
    public string? Civilite { get; set; }
    public required string Nom { get; set; }
    public required string Prenom { get; set; }
    /// <summary>"ELEVE_ID:niveau:parenté" for each learner, sorted: compared as a whole on re-import.</summary>
    public List<string> Liens { get; set; } = [];
    public bool Actif { get; set; } = true;
}

/// <summary>A staff member (STS-web INDIVIDU).</summary>
internal sealed class Personnel
{
    public required Guid Id { get; set; }
    public required string StsId { get; init; }
    public string? Civilite { get; set; }
    public required string Nom { get; set; }
    public required string Prenom { get; set; }
    public DateOnly? DateNaissance { get; set; }
    public string? Fonction { get; set; }
    public List<string> Disciplines { get; set; } = [];
    public bool Actif { get; set; } = true;
    public Guid? UtilisateurId { get; set; }
}

/// <summary>A class (division) or a teaching group (groupe) from STS-web, with its teachers' services.</summary>
internal sealed class Structure
{
    public const string TypeDivision = "D";
    public const string TypeGroupe = "G";

    public required Guid Id { get; set; }
    public required string Type { get; init; }
    public required string Code { get; init; }
    public string? Libelle { get; set; }
    /// <summary>MEF codes of a division; the divisions a group draws from.</summary>
    public List<string> Appartenances { get; set; } = [];
    /// <summary>"matière:modalité:STS id of the teacher", sorted.</summary>
    public List<string> Services { get; set; } = [];
    /// <summary>STS ids of the professeurs principaux (divisions).</summary>
    public List<string> ProfesseursPrincipaux { get; set; } = [];
    public bool Actif { get; set; } = true;
}

/// <summary>A MEF label (STS NOMENCLATURES or BEE_NOMENCLATURES).</summary>
internal sealed class Mef
{
    public required Guid Id { get; set; }
    public required string Code { get; init; }
    public required string Libelle { get; set; }
}

/// <summary>One import kept: who, when, which files, and its report.</summary>
internal sealed class ImportSiecle
{
    public required Guid Id { get; set; }
    public required string Par { get; init; }
    public DateTimeOffset Le { get; init; }
    public List<string> Fichiers { get; init; } = [];
    public required RapportImport Rapport { get; init; }
}
