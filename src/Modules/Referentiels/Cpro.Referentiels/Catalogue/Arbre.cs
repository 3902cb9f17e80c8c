using System.Text.Json;
using Cpro.Referentiels.Contracts;

namespace Cpro.Referentiels.Catalogue;

/// <summary>The tree other modules and the portal read, from a stored (hence valid) canonical content.</summary>
internal static class Arbre
{
    public static ReferentielDto Lire(string contenu, string version) =>
        Construire(JsonSerializer.Deserialize<FichierReferentiel>(contenu, FichierReferentiel.Json)!, version);

    public static ReferentielDto Construire(FichierReferentiel f, string version)
    {
        var blocs = (f.Blocs ?? []).OfType<BlocFichier>().ToList();
        var blocDe = blocs.SelectMany(b => (b.Activites ?? []).OfType<ActiviteFichier>().Select(a => (Activite: a.Code!, Bloc: b.Code!)))
            .ToDictionary(x => x.Activite, x => x.Bloc, StringComparer.Ordinal);
        return new ReferentielDto(f.Code!, f.Diplome!, f.Niveau!, f.Intitule!, version, Textes(f.NiveauxDeClasse),
            [.. blocs.Select(b => new BlocDto(b.Code!, b.Intitule!, [.. (b.Activites ?? []).OfType<ActiviteFichier>().Select(a => Activite(a, false))]))],
            [.. (f.ActivitesTransversales ?? []).OfType<ActiviteFichier>().Select(a => Activite(a, true))],
            [.. (f.Competences ?? []).OfType<CompetenceFichier>().Select(c => new CompetenceDto(c.Code!, c.Intitule!,
                [.. Textes(c.Activites).Where(blocDe.ContainsKey).Select(a => blocDe[a]).Distinct()],
                Textes(c.Activites), Textes(c.Taches), Textes(c.CompetencesCommunes),
                [.. Textes(c.Criteres).Select((critere, i) => new CritereDto($"{c.Code}.{i + 1}", critere))]))],
            [.. (f.Famille?.CompetencesCommunes ?? []).OfType<ElementFichier>().Select(c => new CompetenceCommuneDto(c.Code!, c.Intitule!))]);
    }

    private static ActiviteDto Activite(ActiviteFichier a, bool transversale) =>
        new(a.Code!, a.Intitule!, transversale, [.. (a.Taches ?? []).OfType<ElementFichier>().Select(t => new TacheDto(t.Code!, t.Intitule!))],
            Textes(a.Competences));

    private static List<string> Textes(List<string?>? liste) => [.. (liste ?? []).OfType<string>()];
}
