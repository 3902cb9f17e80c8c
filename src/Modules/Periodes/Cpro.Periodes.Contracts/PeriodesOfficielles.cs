using Mediator;

namespace Cpro.Periodes.Contracts;

/// <summary>The establishment's official periods of a school year (named by the year it starts in), or of every year when
/// null, in date order. Asked by Bilans: a bilan intermédiaire is drawn up per trimester or semester.</summary>
public sealed record ListerPeriodesOfficiellesEtablissement(Guid EtablissementId, int? Annee) : IQuery<IReadOnlyList<PeriodeOfficielleEtablissement>>;

/// <param name="Type">« trimestre », « semestre », « pfmp » or « echeanceCertification ».</param>
public sealed record PeriodeOfficielleEtablissement(Guid Id, string Referentiel, string NiveauClasse, int AnneeScolaire, string Type, string Libelle,
    DateOnly Debut, DateOnly Fin);
