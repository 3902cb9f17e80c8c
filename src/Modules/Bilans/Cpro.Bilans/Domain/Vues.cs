namespace Cpro.Bilans.Domain;

/// <summary>A bilan as read: each competence with its computed level, the teacher's adjustment and the evidence; what the
/// caller may do with it.</summary>
internal sealed record BilanDto(Guid Id, Guid ApprenantId, string Apprenant, string? Division, string Type, string TypeLibelle, Guid? PeriodeId,
    string PeriodeLibelle, DateOnly Debut, DateOnly Fin, string Referentiel, string ReferentielIntitule, string Regle,
    IReadOnlyList<CompetenceBilanDto> Competences, string? Appreciation, bool Finalise, DateTimeOffset? FinaliseLe, string? FinalisePar,
    IReadOnlyList<EtapeBilan> Historique, DateTimeOffset ModifieLe, string ModifiePar, int Version, DroitsBilan Droits)
{
    public static BilanDto De(Bilan b, string apprenant, Acces acces) =>
        new(b.Id, b.ApprenantId, apprenant, b.Division, b.Type, LibelleType(b.Type), b.PeriodeId, b.PeriodeLibelle, b.Debut, b.Fin, b.Referentiel,
            b.ReferentielIntitule, b.Regle, [.. b.Competences.Select(CompetenceBilanDto.De)], b.Appreciation, b.Finalise, b.FinaliseLe, b.FinalisePar,
            b.Historique, b.ModifieLe, b.ModifiePar, b.Version,
            new DroitsBilan(!b.Finalise && acces.EstEnseignant, !b.Finalise && acces.EstEnseignant, b.Finalise && acces.EstDdftp));

    public static string LibelleType(string type) => type == Bilan.FinCycle ? "Bilan de fin de cycle" : "Bilan intermédiaire";
}

/// <param name="Ajuste">The teacher retained another level than the computed one.</param>
internal sealed record CompetenceBilanDto(string Code, string Intitule, string? NiveauCalcule, string NiveauCalculeLibelle, string Explication,
    string? Niveau, string NiveauLibelle, bool Ajuste, string? Commentaire, IReadOnlyList<PreuveBilan> Preuves)
{
    public static CompetenceBilanDto De(CompetenceBilan c) =>
        new(c.Code, c.Intitule, c.NiveauCalcule, Degres.Libelle(c.NiveauCalcule), c.Explication, c.Retenu, Degres.Libelle(c.Retenu),
            c.Niveau is not null && c.Niveau != c.NiveauCalcule, c.Commentaire, c.Preuves);
}

internal sealed record DroitsBilan(bool Modifier, bool Finaliser, bool Rouvrir);
