using Mediator;

namespace Cpro.Portfolio.Contracts;

/// <summary>What the portfolios of a company period hold, every learner together or only <paramref name="Apprenants"/>':
/// what deleting the period, or taking these learners off it, loses, counted for the DDFTP's confirmation. Asked by Periodes.</summary>
public sealed record CompterPortfoliosPeriode(Guid EtablissementId, Guid PeriodeId, IReadOnlyList<Guid>? Apprenants = null) : IQuery<SaisiesPortfolio>;

/// <param name="Fiches">Fiches activités (drafts and submitted ones).</param>
/// <param name="EntreesJournal">Journal de bord entries (their comments go with them).</param>
/// <param name="Bilans">Bilans en entreprise, started and not finalised (a finalised one blocks the deletion).</param>
public sealed record SaisiesPortfolio(int Fiches, int EntreesJournal, int Bilans)
{
    public int Total => Fiches + EntreesJournal + Bilans;
}

/// <summary>Deletes everything the portfolios of a company period hold (fiches, journal, comments, attachments, bilans), of
/// every learner or only of <paramref name="Apprenants"/>, in the unit of work of Periodes' deletion of the period or of
/// these learners' assignments: both commit or neither. Periodes has checked first that no bilan is finalised
/// (<see cref="ListerBilansFinalises"/>).</summary>
public sealed record SupprimerPortfoliosPeriode(Guid EtablissementId, Guid PeriodeId, IReadOnlyList<Guid>? Apprenants = null) : ICommand;
