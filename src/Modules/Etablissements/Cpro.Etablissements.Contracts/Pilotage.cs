using Mediator;

namespace Cpro.Etablissements.Contracts;

/// <summary>Every learner of the establishment with an account, active or not (a leaver keeps the division they left from),
/// with what the DDFTP's console counts: whether SIECLE gave their INE and when they left. Asked by Bilans.</summary>
public sealed record ListerApprenantsPilotage(Guid EtablissementId) : IQuery<IReadOnlyList<ApprenantPilotage>>;

/// <param name="Actif">False once an import deactivated them (absent from SIECLE, or left).</param>
/// <param name="DateSortie">SIECLE's leaving date, when it gave one.</param>
public sealed record ApprenantPilotage(Guid UtilisateurId, string Nom, string Prenom, string? Division, bool Actif, bool AvecIne, DateOnly? DateSortie);

/// <summary>The active teachers of these divisions (STS-web services, a group's teachers counting for the divisions it draws
/// from, and professeurs principaux), once per division they teach, with their address if they have one. Asked by Bilans
/// to send reminders.</summary>
public sealed record ListerEnseignantsDesDivisions(Guid EtablissementId, IReadOnlyList<string> Divisions) : IQuery<IReadOnlyList<EnseignantDivision>>;

public sealed record EnseignantDivision(Guid UtilisateurId, string NomComplet, string? Email, string Division);
