using Cpro.Referentiels.Contracts;

namespace Cpro.Scenarios.Domain;

/// <summary>A référentiel's codes, indexed for the checks and derivations of scenarios and grids.</summary>
internal sealed class ReferentielIndex
{
    public ReferentielIndex(ReferentielDto referentiel)
    {
        Referentiel = referentiel;
        var activites = referentiel.Blocs.SelectMany(b => b.Activites.Select(a => (Bloc: b.Code, Activite: a)))
            .Concat(referentiel.ActivitesTransversales.Select(a => (Bloc: (string?)null, Activite: a)).Select(x => (Bloc: x.Bloc!, x.Activite)))
            .ToList();
        Activites = activites.Select(a => a.Activite.Code).ToHashSet(StringComparer.Ordinal);
        Taches = activites.SelectMany(a => a.Activite.Taches).ToDictionary(t => t.Code, t => t.Intitule, StringComparer.Ordinal);
        Competences = referentiel.Competences.ToDictionary(c => c.Code, StringComparer.Ordinal);
        Criteres = referentiel.Competences.SelectMany(c => c.Criteres.Select(k => (c.Code, Critere: k)))
            .ToDictionary(x => x.Critere.Code, x => (Competence: x.Code, x.Critere.Intitule), StringComparer.Ordinal);
        CompetencesCommunes = referentiel.CompetencesCommunes.ToDictionary(c => c.Code, c => c.Intitule, StringComparer.Ordinal);
        BlocsActivite = activites.Where(a => a.Bloc is not null).ToDictionary(a => a.Activite.Code, a => a.Bloc, StringComparer.Ordinal);
        Ordre = referentiel.Competences.SelectMany(c => c.Criteres.Select(k => k.Code).Prepend(c.Code))
            .Select((code, rang) => (code, rang)).ToDictionary(x => x.code, x => x.rang, StringComparer.Ordinal);
    }

    public ReferentielDto Referentiel { get; }
    public HashSet<string> Activites { get; }
    public Dictionary<string, string> Taches { get; }
    public Dictionary<string, CompetenceDto> Competences { get; }
    public Dictionary<string, (string Competence, string Intitule)> Criteres { get; }
    public Dictionary<string, string> CompetencesCommunes { get; }
    private Dictionary<string, string> BlocsActivite { get; }
    private Dictionary<string, int> Ordre { get; }

    /// <summary>Compétences of the selected critères, and those the référentiel ties to the selected tâches.</summary>
    public List<string> CompetencesDerivees(IEnumerable<string> taches, IEnumerable<string> criteres)
    {
        var parTache = taches.ToHashSet(StringComparer.Ordinal);
        return [.. criteres.Where(Criteres.ContainsKey).Select(c => Criteres[c].Competence)
            .Concat(Referentiel.Competences.Where(c => c.Taches.Any(parTache.Contains)).Select(c => c.Code))
            .Distinct().OrderBy(Rang)];
    }

    /// <summary>Blocs of the selected activités and of the derived compétences.</summary>
    public List<string> BlocsDerives(IEnumerable<string> activites, IEnumerable<string> competences) =>
    [
        .. activites.Where(BlocsActivite.ContainsKey).Select(a => BlocsActivite[a])
            .Concat(competences.Where(Competences.ContainsKey).SelectMany(c => Competences[c].Blocs))
            .Distinct().Order(StringComparer.Ordinal),
    ];

    public int Rang(string code) => Ordre.GetValueOrDefault(code, int.MaxValue);

    /// <summary>The competence an item (competence or criterion) counts for.</summary>
    public string CompetenceDe(string item) => Criteres.TryGetValue(item, out var critere) ? critere.Competence : item;

    public string Intitule(string item) =>
        Criteres.TryGetValue(item, out var critere) ? critere.Intitule : Competences.TryGetValue(item, out var competence) ? competence.Intitule : item;
}
