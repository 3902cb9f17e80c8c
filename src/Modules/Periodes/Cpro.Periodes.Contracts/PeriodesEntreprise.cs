using Mediator;

namespace Cpro.Periodes.Contracts;

/// <summary>A company period as other modules know it (the portfolio): what it is, the tasks planned in company, its
/// referent teachers, and those of its learners the asking user may see. <paramref name="Type"/>: « pfmp » or
/// « periodeEmployeur ».</summary>
public sealed record PeriodeEntrepriseSuivie(
    Guid Id, string Type, string Referentiel, string NiveauClasse, string Titre, DateOnly Debut, DateOnly Fin, IReadOnlyList<string> Taches,
    IReadOnlyList<Guid> Referents, IReadOnlyList<ApprenantEnEntreprise> Apprenants);

/// <summary>One learner on a period: their host company and their tutor or maître d'apprentissage, once entered.</summary>
public sealed record ApprenantEnEntreprise(Guid ApprenantId, string? EntrepriseNom, Guid? TuteurId, string? TuteurNom, string? TuteurPrenom);

/// <summary>The company periods a user follows in the establishment, latest first, each with the learners they follow on
/// it: a learner their own assignment, a tutor or maître d'apprentissage the learners they supervise, a referent every
/// learner of their periods; <paramref name="Toutes"/> (the DDFTP, the head) every period and learner.</summary>
public sealed record ListerPeriodesEntrepriseSuivies(Guid EtablissementId, Guid UtilisateurId, bool Toutes) : IQuery<IReadOnlyList<PeriodeEntrepriseSuivie>>;

/// <summary>One learner's assignment on a period of the establishment, as the period with that learner only; null when
/// the period does not exist there or the learner is not on it.</summary>
public sealed record ObtenirApprenantEnEntreprise(Guid EtablissementId, Guid PeriodeId, Guid ApprenantId) : IQuery<PeriodeEntrepriseSuivie?>;
