using Cpro.Kernel.Errors;
using Cpro.Kernel.Persistence;
using Cpro.Portfolio.Contracts;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;

namespace Cpro.Portfolio.Integrations;

/// <summary>Answers Periodes when it deletes a company period, in the establishment it names: how much its portfolios
/// hold (for the confirmation), then the deletion of all of it in the same unit of work.</summary>
internal sealed class PortfoliosPeriode(IDocumentSession session)
    : IQueryHandler<CompterPortfoliosPeriode, SaisiesPortfolio>, ICommandHandler<SupprimerPortfoliosPeriode>
{
    public async ValueTask<SaisiesPortfolio> Handle(CompterPortfoliosPeriode query, CancellationToken cancellationToken)
    {
        var documents = session.PourEtablissement(query.EtablissementId);
        return new SaisiesPortfolio(
            await documents.Query<FicheActivite>().CountAsync(f => f.PeriodeId == query.PeriodeId, cancellationToken),
            await documents.Query<EntreeJournal>().CountAsync(e => e.PeriodeId == query.PeriodeId, cancellationToken),
            await documents.Query<BilanEntreprise>().CountAsync(b => b.PeriodeId == query.PeriodeId && b.FinaliseLe == null, cancellationToken));
    }

    public async ValueTask<Unit> Handle(SupprimerPortfoliosPeriode command, CancellationToken cancellationToken)
    {
        var documents = session.PourEtablissement(command.EtablissementId);
        var periode = command.PeriodeId;
        // Periodes checked this under its lock; a bilan finalised meanwhile would still be lost with its positionings.
        if (await documents.Query<BilanEntreprise>().AnyAsync(b => b.PeriodeId == periode && b.FinaliseLe != null, cancellationToken))
        {
            throw new ConflitException("Un bilan en entreprise de la période vient d'être finalisé : rechargez la période.");
        }
        var pieces = await documents.Query<PieceJointe>().Where(p => p.PeriodeId == periode).Select(p => p.Id).ToListAsync(cancellationToken);
        if (pieces.Count > 0)
        {
            documents.DeleteWhere<ContenuPieceJointe>(c => pieces.Contains(c.Id));
        }
        documents.DeleteWhere<PieceJointe>(p => p.PeriodeId == periode);
        documents.DeleteWhere<CommentaireJournal>(c => c.PeriodeId == periode);
        documents.DeleteWhere<EntreeJournal>(e => e.PeriodeId == periode);
        documents.DeleteWhere<FicheActivite>(f => f.PeriodeId == periode);
        documents.DeleteWhere<BilanEntreprise>(b => b.PeriodeId == periode);
        documents.DeleteWhere<NotificationPortfolio>(n => n.PeriodeId == periode);
        return Unit.Value;
    }
}
