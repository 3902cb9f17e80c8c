using Cpro.Referentiels.Catalogue;

namespace Cpro.Referentiels.Domain;

/// <summary>A diploma's référentiel in the platform-wide catalogue (no establishment owns it). The tree is read whole, so it
/// is kept as one document: the canonical JSON of its file, whose SHA-256 is its version.</summary>
internal sealed class Referentiel
{
    public const string SourceCatalogue = "catalogue";
    public const string SourceImport = "import";

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Code { get; private set; } = "";
    public string Diplome { get; private set; } = "";
    public string Niveau { get; private set; } = "";
    public string Intitule { get; private set; } = "";
    public List<string> NiveauxDeClasse { get; private set; } = [];

    /// <summary>Lower-case hexadecimal SHA-256 of <see cref="Contenu"/>.</summary>
    public string Version { get; private set; } = "";

    /// <summary><see cref="SourceCatalogue"/> (shipped with Cpro, loaded at start) or <see cref="SourceImport"/> (a platform administrator's file).</summary>
    public string Source { get; private set; } = "";

    public DateTimeOffset ImporteLe { get; private set; }

    /// <summary>The platform administrator's login; null for the shipped catalogue.</summary>
    public string? ImportePar { get; private set; }

    /// <summary>The canonical JSON of the file (format cpro-referentiel/1), stored as jsonb.</summary>
    public string Contenu { get; private set; } = "";

    public static Referentiel Creer(ReferentielValide valide, string source, DateTimeOffset le, string? par)
    {
        var referentiel = new Referentiel { Code = valide.Code };
        referentiel.Remplacer(valide, source, le, par);
        return referentiel;
    }

    /// <summary>A new version of the same code.</summary>
    public void Remplacer(ReferentielValide valide, string source, DateTimeOffset le, string? par)
    {
        var f = valide.Fichier;
        Diplome = f.Diplome!;
        Niveau = f.Niveau!;
        Intitule = f.Intitule!;
        NiveauxDeClasse = [.. f.NiveauxDeClasse!.OfType<string>()];
        Version = valide.Version;
        Contenu = valide.Contenu;
        Source = source;
        ImporteLe = le;
        ImportePar = par;
    }
}
