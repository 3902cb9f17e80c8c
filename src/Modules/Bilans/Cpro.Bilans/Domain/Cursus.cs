using Cpro.Periodes.Contracts;
using Cpro.Referentiels.Contracts;
using Mediator;

namespace Cpro.Bilans.Domain;

/// <summary>A référentiel a division follows, at which class level (the establishment's subscriptions), and whether that
/// level is the référentiel's last (a bilan de fin de cycle is drawn up then).</summary>
/// <param name="Annees">The level's rank in the cycle (1 for its first year): a bilan de fin de cycle covers that many school years.</param>
internal sealed record Cursus(string Referentiel, string Intitule, string NiveauClasse, int Annees, bool DerniereAnnee)
{
    /// <summary>The référentiels each division follows, from the subscriptions.</summary>
    public static async Task<ILookup<string, Cursus>> ParDivisionAsync(IMediator mediator, Guid etablissement, CancellationToken cancellationToken)
    {
        var abonnements = await mediator.Send(new ListerAbonnements(etablissement), cancellationToken);
        var niveaux = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var a in abonnements)
        {
            niveaux[a.Referentiel] = (await mediator.Send(new ObtenirReferentiel(a.Referentiel), cancellationToken))?.NiveauxDeClasse ?? [];
        }
        Cursus De(AbonnementDto a, string niveau)
        {
            var cycle = niveaux[a.Referentiel];
            return new Cursus(a.Referentiel, a.Intitule, niveau, Math.Max(1, cycle.ToList().IndexOf(niveau) + 1), cycle.Count > 0 && cycle[^1] == niveau);
        }
        return abonnements.SelectMany(a => a.Niveaux.SelectMany(n => n.Divisions.Select(d => (Division: d, Cursus: De(a, n.NiveauClasse)))))
            .ToLookup(x => x.Division, x => x.Cursus, StringComparer.Ordinal);
    }

    /// <summary>A bilan intermédiaire is drawn up per trimester or semester.</summary>
    public static bool PeriodeDeBilan(PeriodeOfficielleEtablissement p) => p.Type is "trimestre" or "semestre";

    public bool Suit(PeriodeOfficielleEtablissement p) => p.Referentiel == Referentiel && p.NiveauClasse == NiveauClasse && PeriodeDeBilan(p);
}
