using Cpro.Referentiels.Contracts;

namespace Cpro.Scenarios.Domain;

/// <summary>The dashboard's overview of a référentiel: how many competences stand at each degree, per bloc and at the end
/// of each month, so that a learner sees where they stand before the details.</summary>
internal static class ApercuSuivi
{
    /// <summary>Competences counted by the level retained: not yet evaluated, then each of the four degrees.</summary>
    internal sealed record Effectifs(int NonEvalue, int Degre1, int Degre2, int Degre3, int Degre4)
    {
        public int Total => NonEvalue + Degre1 + Degre2 + Degre3 + Degre4;

        /// <summary>0 is « non évalué », 1 to 4 the degrees.</summary>
        public int Nombre(int degre) => degre switch { 1 => Degre1, 2 => Degre2, 3 => Degre3, 4 => Degre4, _ => NonEvalue };

        public static Effectifs Compter(IEnumerable<NiveauMaitrise?> niveaux)
        {
            var n = new int[5];
            foreach (var niveau in niveaux)
            {
                n[niveau is { } degre && degre.EstDegre() ? (short)degre : 0]++;
            }
            return new Effectifs(n[0], n[1], n[2], n[3], n[4]);
        }
    }

    internal sealed record Bloc(BlocDto Referentiel, Effectifs Effectifs);

    /// <summary>The levels as they stood on the last day of <paramref name="Debut"/>'s month.</summary>
    internal sealed record Mois(DateOnly Debut, Effectifs Effectifs);

    /// <summary>The blocs that hold at least one of the competences shown; a competence of two blocs counts in both.</summary>
    public static IReadOnlyList<Bloc> ParBloc(SuiviCompetences.ReferentielSuivi referentiel) =>
    [
        .. referentiel.Index.Referentiel.Blocs
            .Select(b => new Bloc(b, Effectifs.Compter(referentiel.Competences.Where(c => c.Competence.Blocs.Contains(b.Code)).Select(c => c.Niveau))))
            .Where(b => b.Effectifs.Total > 0),
    ];

    /// <summary>Month by month from the first positioning to the last, the rule applied to what was given by the end of
    /// the month: how the levels moved over the year.</summary>
    public static IReadOnlyList<Mois> ParMois(SuiviCompetences.ReferentielSuivi referentiel, RegleSynthese regle)
    {
        var dates = referentiel.Competences.SelectMany(c => c.Positionnements).Where(p => p.Niveau.EstDegre()).Select(p => p.Evaluation.Date).ToList();
        if (dates.Count == 0)
        {
            return [];
        }
        var mois = new List<Mois>();
        for (var debut = new DateOnly(dates.Min().Year, dates.Min().Month, 1); debut <= dates.Max(); debut = debut.AddMonths(1))
        {
            var fin = debut.AddMonths(1);
            mois.Add(new Mois(debut, Effectifs.Compter(referentiel.Competences.Select(c =>
                Synthese.Calculer(regle, [.. c.Positionnements.Where(p => p.Evaluation.Date < fin).Select(p => p.Point)]).Niveau))));
        }
        return mois;
    }
}
