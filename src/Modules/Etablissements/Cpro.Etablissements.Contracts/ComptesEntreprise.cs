using Mediator;

namespace Cpro.Etablissements.Contracts;

/// <summary>A company tutor (PFMP) or maître d'apprentissage named on a company period: their account in the establishment
/// is reused when one has this email, otherwise created (login, temporary password by email). Either way they get an
/// email telling them which learner and period they follow.</summary>
public sealed record CreerOuReutiliserCompteEntreprise(
    Guid EtablissementId, bool MaitreApprentissage, string Nom, string Prenom, string Email,
    string Apprenant, string Periode, DateOnly Debut, DateOnly Fin) : ICommand<CompteEntreprise>;

public sealed record CompteEntreprise(Guid UtilisateurId, string Login, bool Cree);

/// <summary>The establishment's active tutors and maîtres d'apprentissage, by name: an existing account is picked rather
/// than typed again when a period names its tutor (Periodes adds the companies they are named for).</summary>
public sealed record ListerComptesEntreprise(Guid EtablissementId) : IQuery<IReadOnlyList<CompteTuteur>>;

public sealed record CompteTuteur(Guid UtilisateurId, string Nom, string Prenom, string? Email, bool Tuteur, bool MaitreApprentissage);
