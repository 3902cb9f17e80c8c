using Mediator;

namespace Cpro.Portfolio.Contracts;

/// <summary>A learner's fiches activités on every company period of the establishment, latest first: what the book offers
/// to start a réussite from. Asked by Book, which has checked that the caller is that learner.</summary>
public sealed record ListerFichesActivitesApprenant(Guid EtablissementId, Guid ApprenantId) : IQuery<IReadOnlyList<FicheActiviteApprenant>>;

/// <param name="Entreprise">The host company of the fiche's period, once entered.</param>
/// <param name="Competences">The competences or criteria a referent chose to evaluate (empty until reviewed).</param>
public sealed record FicheActiviteApprenant(
    Guid Id, string Titre, DateOnly Debut, DateOnly? Fin, string? Entreprise, string? Contexte, string? Realisation, bool Soumise,
    IReadOnlyList<string> Competences);
