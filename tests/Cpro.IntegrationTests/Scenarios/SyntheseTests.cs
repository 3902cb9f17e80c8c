using Cpro.Scenarios.Domain;
using static Cpro.Scenarios.Domain.NiveauMaitrise;

namespace Cpro.IntegrationTests.Scenarios;

/// <summary>Each synthesis rule on cases computed by hand.</summary>
public sealed class SyntheseTests
{
    private static readonly DateOnly Septembre = new(2026, 9, 15);

    private static List<Synthese.Point> Suite(params NiveauMaitrise[] niveaux) =>
        [.. niveaux.Select((n, i) => new Synthese.Point(Septembre.AddDays(7 * i), i, n))];

    [Theory]
    // 1, 4, 2 → the last one.
    [InlineData("plusRecent", new[] { 1, 4, 2 }, 2)]
    [InlineData("meilleur", new[] { 1, 4, 2 }, 4)]
    // (1 + 4 + 2) / 3 = 2.33 → 2.
    [InlineData("moyenneArrondie", new[] { 1, 4, 2 }, 2)]
    // (2 + 3) / 2 = 2.5 → 3 (half away from zero).
    [InlineData("moyenneArrondie", new[] { 2, 3 }, 3)]
    // (3 + 3 + 2) / 3 = 2.67 → 3.
    [InlineData("moyenneArrondie", new[] { 3, 3, 2 }, 3)]
    // 3 twice, 4 once → 3.
    [InlineData("plusFrequent", new[] { 3, 4, 3 }, 3)]
    // 2 twice, 4 twice: tie, the most recent of them (4) wins.
    [InlineData("plusFrequent", new[] { 2, 4, 2, 4 }, 4)]
    // Absent and non évalué count for nothing: 2, ABS, NE → 2 by every rule.
    [InlineData("plusRecent", new[] { 2, 9, 0 }, 2)]
    [InlineData("moyenneArrondie", new[] { 2, 9, 0 }, 2)]
    public void Each_rule_gives_the_hand_computed_level(string regle, int[] niveaux, int attendu) =>
        Assert.Equal((NiveauMaitrise)attendu, Synthese.Calculer(Synthese.Lire(regle)!.Value, Suite([.. niveaux.Select(n => (NiveauMaitrise)n)])).Niveau);

    [Fact]
    public void The_most_recent_is_by_date_whatever_the_order_of_entry()
    {
        List<Synthese.Point> points = [new(Septembre.AddDays(30), 1, NonMaitrise), new(Septembre, 2, BienMaitrise)];

        var (niveau, explication) = Synthese.Calculer(RegleSynthese.PlusRecent, points);

        Assert.Equal(NonMaitrise, niveau);
        Assert.Equal("Dernier des 2 positionnements, le 15/10/2026 : 1 Non maîtrisé.", explication);
    }

    [Fact]
    public void The_explanation_says_how_the_level_was_obtained()
    {
        Assert.Equal("Moyenne des 3 positionnements (3, 3, 2) : 2,67, arrondie à 3 Maîtrisé.",
            Synthese.Calculer(RegleSynthese.MoyenneArrondie, Suite(Maitrise, Maitrise, InsuffisammentMaitrise)).Explication);
        Assert.Equal("Niveau le plus fréquent (2 fois sur 4 ; à égalité, le plus récent l'emporte) : 4 Bien maîtrisé.",
            Synthese.Calculer(RegleSynthese.PlusFrequent, Suite(InsuffisammentMaitrise, BienMaitrise, InsuffisammentMaitrise, BienMaitrise)).Explication);
        Assert.Equal("Un seul positionnement, le 15/09/2026 : 2 Insuffisamment maîtrisé.",
            Synthese.Calculer(RegleSynthese.Meilleur, Suite(InsuffisammentMaitrise)).Explication);
    }

    [Fact]
    public void Without_a_degree_there_is_no_level()
    {
        var (niveau, explication) = Synthese.Calculer(RegleSynthese.Meilleur, Suite(Absent, NonEvalue));

        Assert.Null(niveau);
        Assert.Equal("Aucun degré de maîtrise donné (non évalué ou absent).", explication);
    }
}
