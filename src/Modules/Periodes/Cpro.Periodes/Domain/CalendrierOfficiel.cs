using System.Globalization;

namespace Cpro.Periodes.Domain;

/// <summary>The rules a level's set of official periods keeps as a whole, and how its types read.</summary>
internal static class CalendrierOfficiel
{
    /// <summary>The types as the API names them.</summary>
    public static readonly IReadOnlyList<(TypePeriodeOfficielle Type, string Code, string Libelle)> Types =
    [
        (TypePeriodeOfficielle.Trimestre, "trimestre", "Trimestre"),
        (TypePeriodeOfficielle.Semestre, "semestre", "Semestre"),
        (TypePeriodeOfficielle.Pfmp, "pfmp", "PFMP"),
        (TypePeriodeOfficielle.EcheanceCertification, "echeanceCertification", "Date limite de certification"),
    ];

    public static string Code(TypePeriodeOfficielle type) => Types.Single(t => t.Type == type).Code;

    public static string Libelle(TypePeriodeOfficielle type) => Types.Single(t => t.Type == type).Libelle;

    public static TypePeriodeOfficielle? Lire(string? code) =>
        Types.Where(t => t.Code == code).Select(t => (TypePeriodeOfficielle?)t.Type).FirstOrDefault();

    public static bool Decoupage(TypePeriodeOfficielle type) => type is TypePeriodeOfficielle.Trimestre or TypePeriodeOfficielle.Semestre;

    /// <summary>What makes the set unusable, naming the periods concerned: trimesters mixed with semesters, trimesters
    /// (or semesters) that overlap, PFMP slots that overlap. Empty when the set is sound.</summary>
    public static List<string> Conflits(IReadOnlyList<PeriodeOfficielle> periodes)
    {
        var conflits = new List<string>();
        var decoupage = periodes.Where(p => Decoupage(p.Type)).ToList();
        if (decoupage.FirstOrDefault(p => p.Type == TypePeriodeOfficielle.Trimestre) is { } trimestre
            && decoupage.FirstOrDefault(p => p.Type == TypePeriodeOfficielle.Semestre) is { } semestre)
        {
            conflits.Add($"Un niveau se découpe en trimestres ou en semestres, pas les deux : « {trimestre.Libelle} » et « {semestre.Libelle} ».");
        }
        foreach (var (groupe, nom) in new[] { (decoupage, "Les périodes"), (periodes.Where(p => p.Type == TypePeriodeOfficielle.Pfmp).ToList(), "Les PFMP") })
        {
            for (var i = 0; i < groupe.Count; i++)
            {
                for (var j = i + 1; j < groupe.Count; j++)
                {
                    var (a, b) = (groupe[i], groupe[j]);
                    if (a.Debut <= b.Fin && b.Debut <= a.Fin)
                    {
                        conflits.Add($"{nom} « {a.Libelle} » ({Dates(a)}) et « {b.Libelle} » ({Dates(b)}) se chevauchent.");
                    }
                }
            }
        }
        return conflits;
    }

    private static string Dates(PeriodeOfficielle p) =>
        string.Create(CultureInfo.InvariantCulture, $"du {p.Debut:dd/MM/yyyy} au {p.Fin:dd/MM/yyyy}");
}
