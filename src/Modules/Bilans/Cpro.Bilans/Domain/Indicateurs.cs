using Cpro.Etablissements.Contracts;
using Cpro.Periodes.Contracts;

namespace Cpro.Bilans.Domain;

/// <summary>The console de pilotage's figures per division, made in memory from what each module answered in one query
/// each (learners, official periods, the year's bilans, company periods and their finalised bilans en entreprise).</summary>
internal static class Indicateurs
{
    /// <summary>A bilan as the figures need it: projected in the database, not read whole.</summary>
    internal sealed record EtatBilan(Guid ApprenantId, Guid? PeriodeId, bool Finalise);

    internal sealed record Entrees(
        DateOnly Aujourdhui, int Annee, ILookup<string, Cursus> Cursus, IReadOnlyList<ApprenantPilotage> Apprenants,
        IReadOnlyList<PeriodeOfficielleEtablissement> Periodes, IReadOnlyList<EtatBilan> Bilans,
        IReadOnlyList<PeriodeEntrepriseSuivie> PeriodesEntreprise, IReadOnlyList<(Guid PeriodeId, Guid ApprenantId)> BilansEntreprise);

    public static List<DivisionIndicateursDto> Calculer(Entrees e)
    {
        var finalises = e.Bilans.Where(b => b.Finalise && b.PeriodeId is not null).Select(b => (b.ApprenantId, b.PeriodeId!.Value)).ToHashSet();
        var brouillons = e.Bilans.Where(b => !b.Finalise && b.PeriodeId is not null).Select(b => (b.ApprenantId, b.PeriodeId!.Value)).ToHashSet();
        var entreprise = e.BilansEntreprise.ToHashSet();
        var divisions = e.Apprenants.ToDictionary(a => a.UtilisateurId, a => a.Division);
        string Nom(ApprenantPilotage a) => $"{a.Prenom} {a.Nom}";
        // Company periods ended this school year, each learner on them without a finalised bilan en entreprise, by division.
        var debutAnnee = new DateOnly(e.Annee, 9, 1);
        var noms = e.Apprenants.ToDictionary(a => a.UtilisateurId, Nom);
        var entrepriseSansBilan = e.PeriodesEntreprise.Where(p => p.Fin < e.Aujourdhui && p.Fin >= debutAnnee)
            .SelectMany(p => p.Apprenants.Where(a => !entreprise.Contains((p.Id, a.ApprenantId)))
                .Select(a => (Division: divisions.GetValueOrDefault(a.ApprenantId), Texte: $"{noms.GetValueOrDefault(a.ApprenantId, "Apprenant")} — {p.Titre}")))
            .Where(x => x.Division is not null).ToLookup(x => x.Division!, x => x.Texte);
        var parDivision = e.Apprenants.Where(a => a.Division is not null).ToLookup(a => a.Division!);

        return
        [
            .. parDivision.Where(d => e.Cursus[d.Key].Any()).OrderBy(d => d.Key, StringComparer.Ordinal).Select(d =>
            {
                var cursus = e.Cursus[d.Key].ToList();
                var toutes = e.Periodes.Where(p => cursus.Any(c => c.Suit(p))).OrderBy(p => p.Debut).ToList();
                var annee = toutes.Where(p => p.AnneeScolaire == e.Annee).ToList();
                var actifs = d.Where(a => a.Actif).ToList();
                var periodes = annee.Select(p =>
                {
                    var commencee = p.Debut <= e.Aujourdhui;
                    var faits = actifs.Count(a => finalises.Contains((a.UtilisateurId, p.Id)));
                    return new PeriodeDivisionDto(p.Id, p.Libelle, p.Debut, p.Fin, commencee, faits, actifs.Count(a => brouillons.Contains((a.UtilisateurId, p.Id))),
                        actifs.Count, actifs.Count == 0 ? 0 : (int)Math.Round(100.0 * faits / actifs.Count, MidpointRounding.AwayFromZero));
                }).ToList();
                var courante = annee.LastOrDefault(p => p.Debut <= e.Aujourdhui && e.Aujourdhui <= p.Fin) ?? annee.LastOrDefault(p => p.Debut <= e.Aujourdhui);
                // A leaver's last period: the last begun before they left (today when SIECLE gave no date), this school year.
                var partis = d.Where(a => !a.Actif).Select(a => (Apprenant: a, Derniere: toutes.LastOrDefault(p => p.Debut <= (a.DateSortie ?? e.Aujourdhui))))
                    .Where(x => x.Derniere is { } p && p.AnneeScolaire == e.Annee && !finalises.Contains((x.Apprenant.UtilisateurId, p.Id)))
                    .Select(x => $"{Nom(x.Apprenant)} — {x.Derniere!.Libelle}").ToList();
                return new DivisionIndicateursDto(d.Key, string.Join(", ", cursus.Select(c => c.Intitule).Distinct()), actifs.Count, periodes,
                    courante?.Id, courante?.Libelle,
                    courante is null ? [] : [.. actifs.Where(a => !finalises.Contains((a.UtilisateurId, courante.Id))).Select(Nom)],
                    partis, [.. entrepriseSansBilan[d.Key]], [.. actifs.Where(a => !a.AvecIne).Select(Nom)]);
            }),
        ];
    }
}

/// <param name="Apprenants">Active learners of the division.</param>
/// <param name="SansBilanPeriodeCourante">Active learners with no finalised bilan on the current period (or the last begun).</param>
/// <param name="PartisSansBilan">Learners deactivated by an import, or gone, this school year, with no finalised bilan on their last period.</param>
/// <param name="EntrepriseSansBilan">Company periods ended this school year, a learner on them without a finalised bilan en entreprise.</param>
internal sealed record DivisionIndicateursDto(string Division, string Referentiels, int Apprenants, IReadOnlyList<PeriodeDivisionDto> Periodes, Guid? PeriodeCourante,
    string? PeriodeCouranteLibelle, IReadOnlyList<string> SansBilanPeriodeCourante, IReadOnlyList<string> PartisSansBilan, IReadOnlyList<string> EntrepriseSansBilan,
    IReadOnlyList<string> SansIne);

/// <param name="Attendus">One bilan per active learner of the division.</param>
internal sealed record PeriodeDivisionDto(Guid PeriodeId, string Libelle, DateOnly Debut, DateOnly Fin, bool Commencee, int Finalises, int Brouillons, int Attendus,
    int Pourcentage);
