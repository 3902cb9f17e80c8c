namespace Cpro.Kernel.Identity;

/// <summary>User profiles (glossary). A user may hold several.</summary>
public static class Profils
{
    public const string AdministrateurPlateforme = "AdministrateurPlateforme";
    public const string Administrateur = "Administrateur";
    public const string ChefEtablissement = "ChefEtablissement";
    public const string Ddftp = "Ddftp";
    public const string Enseignant = "Enseignant";
    public const string Eleve = "Eleve";
    public const string Apprenti = "Apprenti";
    public const string Tuteur = "Tuteur";
    public const string MaitreApprentissage = "MaitreApprentissage";
    public const string Inspecteur = "Inspecteur";

    /// <summary>Profiles an establishment's user may hold (the platform administrator's is not one of them).</summary>
    public static readonly IReadOnlyList<string> Etablissement =
        [Administrateur, ChefEtablissement, Ddftp, Enseignant, Eleve, Apprenti, Tuteur, MaitreApprentissage, Inspecteur];

    public static string Libelle(string profil) => profil switch
    {
        AdministrateurPlateforme => "Administrateur de la plateforme",
        Administrateur => "Administrateur",
        ChefEtablissement => "Chef d'établissement",
        Ddftp => "DDFTP",
        Enseignant => "Enseignant / Formateur",
        Eleve => "Élève",
        Apprenti => "Apprenti",
        Tuteur => "Tuteur",
        MaitreApprentissage => "Maître d'apprentissage",
        Inspecteur => "Inspecteur",
        _ => profil,
    };
}
