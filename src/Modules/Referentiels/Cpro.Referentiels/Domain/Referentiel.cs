using Cpro.Referentiels.Catalogue;
using JasperFx;

namespace Cpro.Referentiels.Domain;

/// <summary>A diploma's référentiel in the platform-wide catalogue (no establishment owns it), known by its code. The tree
/// is read whole, so it is kept as one document: the canonical JSON of its file, whose SHA-256 is its version.</summary>
internal sealed class Referentiel
{
    public const string SourceCatalogue = "catalogue";
    public const string SourceImport = "import";

    /// <summary>« BACPRO-MELEC »: what subscriptions and other modules name it by.</summary>
    [Identity]
    public string Code { get; set; } = "";
    public string Diplome { get; set; } = "";
    public string Niveau { get; set; } = "";
    public string Intitule { get; set; } = "";
    public List<string> NiveauxDeClasse { get; set; } = [];

    /// <summary>Lower-case hexadecimal SHA-256 of <see cref="Contenu"/>.</summary>
    public string Version { get; set; } = "";

    /// <summary><see cref="SourceCatalogue"/> (shipped with Cpro, loaded at start) or <see cref="SourceImport"/> (a platform administrator's file).</summary>
    public string Source { get; set; } = "";

    public DateTimeOffset ImporteLe { get; set; }

    /// <summary>The platform administrator's login; null for the shipped catalogue.</summary>
    public string? ImportePar { get; set; }

    /// <summary>The canonical JSON of the file (format cpro-referentiel/1), kept as the text it was hashed from.</summary>
    public string Contenu { get; set; } = "";

    /// <summary>The référentiel as a validated file gives it; stored under its code, it replaces any previous version.</summary>
    public static Referentiel Creer(ReferentielValide valide, string source, DateTimeOffset le, string? par)
    {
        var f = valide.Fichier;
        return new Referentiel
        {
            Code = valide.Code,
            Diplome = f.Diplome!,
            Niveau = f.Niveau!,
            Intitule = f.Intitule!,
            NiveauxDeClasse = [.. f.NiveauxDeClasse!.OfType<string>()],
            Version = valide.Version,
            Contenu = valide.Contenu,
            Source = source,
            ImporteLe = le,
            ImportePar = par,
        };
    }
}
