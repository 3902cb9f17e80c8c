using System.Globalization;

namespace Cpro.Scenarios.Domain;

/// <summary>Makes one level of a learner's positionings on a competence, by the establishment's rule, and says how.
/// Only the four degrees count: « non évalué » and « absent » are left out.</summary>
internal static class Synthese
{
    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>One degree given at a date; <paramref name="Rang"/> orders positionings of the same date.</summary>
    internal readonly record struct Point(DateOnly Date, long Rang, NiveauMaitrise Niveau);

    public static (NiveauMaitrise? Niveau, string Explication) Calculer(RegleSynthese regle, IReadOnlyList<Point> positionnements)
    {
        var degres = Degres(positionnements);
        if (degres.Count == 0)
        {
            return (null, "Aucun degré de maîtrise donné (non évalué ou absent).");
        }
        if (degres.Count == 1)
        {
            var seul = degres[0];
            return (seul.Niveau, $"Un seul positionnement, le {seul.Date.ToString("dd/MM/yyyy", Francais)} : {seul.Niveau.Libelle()}.");
        }
        switch (regle)
        {
            case RegleSynthese.Meilleur:
            {
                var meilleur = degres.Max(p => p.Niveau);
                return (meilleur, $"Meilleur des {degres.Count} positionnements : {meilleur.Libelle()}.");
            }
            case RegleSynthese.MoyenneArrondie:
            {
                var moyenne = degres.Average(p => (double)(short)p.Niveau);
                var arrondi = (NiveauMaitrise)(short)Math.Round(moyenne, MidpointRounding.AwayFromZero);
                return (arrondi, $"Moyenne des {degres.Count} positionnements ({string.Join(", ", degres.Select(p => (short)p.Niveau))}) : "
                                 + $"{moyenne.ToString("0.##", Francais)}, arrondie à {arrondi.Libelle()}.");
            }
            case RegleSynthese.PlusFrequent:
            {
                // Each degree's count and latest place, in one pass.
                var groupes = new Dictionary<NiveauMaitrise, (int Nombre, int Dernier)>();
                for (var i = 0; i < degres.Count; i++)
                {
                    groupes[degres[i].Niveau] = (groupes.GetValueOrDefault(degres[i].Niveau).Nombre + 1, i);
                }
                var max = groupes.Values.Max(g => g.Nombre);
                var ex = groupes.Where(g => g.Value.Nombre == max).ToList();
                var choisi = ex.MaxBy(g => g.Value.Dernier).Key;
                var egalite = ex.Count > 1 ? " ; à égalité, le plus récent l'emporte" : "";
                return (choisi, $"Niveau le plus fréquent ({max} fois sur {degres.Count}{egalite}) : {choisi.Libelle()}.");
            }
            default:
            {
                var dernier = degres[^1];
                return (dernier.Niveau, $"Dernier des {degres.Count} positionnements, le {dernier.Date.ToString("dd/MM/yyyy", Francais)} : {dernier.Niveau.Libelle()}.");
            }
        }
    }

    /// <summary>The degrees given, by date then rank. They nearly always come in that order already (a learner's evaluations
    /// are kept so): sorted again, stably, only when not.</summary>
    private static List<Point> Degres(IReadOnlyList<Point> positionnements)
    {
        var degres = new List<Point>(positionnements.Count);
        var enOrdre = true;
        foreach (var point in positionnements)
        {
            if (!point.Niveau.EstDegre())
            {
                continue;
            }
            enOrdre &= degres.Count == 0 || (degres[^1].Date, degres[^1].Rang).CompareTo((point.Date, point.Rang)) <= 0;
            degres.Add(point);
        }
        return enOrdre ? degres : [.. degres.OrderBy(p => p.Date).ThenBy(p => p.Rang)];
    }

    /// <summary>What the rule retains, as the end of « Niveau retenu pour chaque compétence : … ».</summary>
    public static string Libelle(this RegleSynthese regle) => regle switch
    {
        RegleSynthese.Meilleur => "le meilleur de ses positionnements",
        RegleSynthese.MoyenneArrondie => "la moyenne arrondie de ses positionnements",
        RegleSynthese.PlusFrequent => "le niveau le plus souvent donné",
        _ => "le dernier positionnement",
    };

    /// <summary>The rule's name in the API.</summary>
    public static string Code(this RegleSynthese regle) => regle switch
    {
        RegleSynthese.Meilleur => "meilleur",
        RegleSynthese.MoyenneArrondie => "moyenneArrondie",
        RegleSynthese.PlusFrequent => "plusFrequent",
        _ => "plusRecent",
    };

    public static RegleSynthese? Lire(string? code) => code switch
    {
        "plusRecent" => RegleSynthese.PlusRecent,
        "meilleur" => RegleSynthese.Meilleur,
        "moyenneArrondie" => RegleSynthese.MoyenneArrondie,
        "plusFrequent" => RegleSynthese.PlusFrequent,
        _ => null,
    };
}
