using System.Runtime.CompilerServices;
using Cpro.Kernel.Errors;
using Cpro.Referentiels.Contracts;
using Mediator;

namespace Cpro.Portfolio.Domain;

/// <summary>The period's référentiel as the portfolio uses it: task labels, competences and criteria to pick, and what a
/// bilan positions in each mode.</summary>
internal sealed class ReferentielPortfolio
{
    private readonly Dictionary<string, int> _rang;
    private readonly Dictionary<string, string> _competenceDuCritere;

    private ReferentielPortfolio(ReferentielDto referentiel)
    {
        Referentiel = referentiel;
        Taches = referentiel.Blocs.SelectMany(b => b.Activites).Concat(referentiel.ActivitesTransversales).SelectMany(a => a.Taches)
            .GroupBy(t => t.Code).ToDictionary(g => g.Key, g => g.First().Intitule, StringComparer.Ordinal);
        Intitules = referentiel.Competences.SelectMany(c => c.Criteres.Select(k => (k.Code, k.Intitule)).Prepend((c.Code, c.Intitule)))
            .GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.First().Intitule, StringComparer.Ordinal);
        _rang = referentiel.Competences.SelectMany(c => c.Criteres.Select(k => k.Code).Prepend(c.Code)).Distinct()
            .Select((code, rang) => (code, rang)).ToDictionary(x => x.code, x => x.rang, StringComparer.Ordinal);
        _competenceDuCritere = referentiel.Competences.SelectMany(c => c.Criteres.Select(k => (k.Code, c.Code)))
            .GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal);
    }

    public ReferentielDto Referentiel { get; }
    public Dictionary<string, string> Taches { get; }
    /// <summary>Competences' and criteria's labels.</summary>
    public Dictionary<string, string> Intitules { get; }

    // Built once per tree: Referentiels hands out the same tree until a new version, and every portfolio page asks for it.
    private static readonly ConditionalWeakTable<ReferentielDto, ReferentielPortfolio> Construits = [];

    public static async Task<ReferentielPortfolio> ChargerAsync(IMediator mediator, string code, CancellationToken cancellationToken) =>
        Construits.GetValue(await mediator.Send(new ObtenirReferentiel(code), cancellationToken) ?? throw new IntrouvableException($"Référentiel {code} introuvable."),
            referentiel => new ReferentielPortfolio(referentiel));

    public string Intitule(string code) => Intitules.GetValueOrDefault(code) ?? Taches.GetValueOrDefault(code) ?? code;

    public IEnumerable<string> Ordonner(IEnumerable<string> items) => items.Distinct().OrderBy(i => _rang.GetValueOrDefault(i, int.MaxValue));

    /// <summary>What a bilan positions: each selected competence (a criterion counting for its competence) in
    /// « compétences générales »; in « détaillée par critères », each selected criterion and every criterion of a selected
    /// competence (a competence without criteria itself).</summary>
    public List<string> ItemsDuBilan(string mode, IEnumerable<string> selection) =>
    [
        .. Ordonner(mode == BilanEntreprise.ModeCriteres
            ? selection.SelectMany(code => _competenceDuCritere.ContainsKey(code)
                ? [code]
                : Referentiel.Competences.FirstOrDefault(c => c.Code == code) is { Criteres.Count: > 0 } competence ? competence.Criteres.Select(k => k.Code) : [code])
            : selection.Select(code => _competenceDuCritere.GetValueOrDefault(code) ?? code)),
    ];
}
