using System.Linq.Expressions;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Persistence;
using Cpro.Portfolio.Contracts;
using Cpro.Portfolio.Domain;
using Marten;
using Mediator;

namespace Cpro.Portfolio.Integrations;

/// <summary>Answers Periodes when it deletes a company period, or takes learners off it, in the establishment it names: how
/// much their portfolios hold (for the confirmation), then the deletion of all of it in the same unit of work.</summary>
internal sealed class PortfoliosPeriode(IDocumentSession session)
    : IQueryHandler<CompterPortfoliosPeriode, SaisiesPortfolio>, ICommandHandler<SupprimerPortfoliosPeriode>
{
    public async ValueTask<SaisiesPortfolio> Handle(CompterPortfoliosPeriode query, CancellationToken cancellationToken)
    {
        var documents = session.PourEtablissement(query.EtablissementId);
        var apprenants = query.Apprenants?.ToArray();
        return new SaisiesPortfolio(
            await documents.Query<FicheActivite>().CountAsync(Du<FicheActivite>(query.PeriodeId, apprenants), cancellationToken),
            await documents.Query<EntreeJournal>().CountAsync(Du<EntreeJournal>(query.PeriodeId, apprenants), cancellationToken),
            await documents.Query<BilanEntreprise>().Where(Du<BilanEntreprise>(query.PeriodeId, apprenants)).CountAsync(b => b.FinaliseLe == null, cancellationToken));
    }

    public async ValueTask<Unit> Handle(SupprimerPortfoliosPeriode command, CancellationToken cancellationToken)
    {
        var documents = session.PourEtablissement(command.EtablissementId);
        var (periode, apprenants) = (command.PeriodeId, command.Apprenants?.ToArray());
        // Periodes checked this under its lock; a bilan finalised meanwhile would still be lost with its positionings.
        if (await documents.Query<BilanEntreprise>().Where(Du<BilanEntreprise>(periode, apprenants)).AnyAsync(b => b.FinaliseLe != null, cancellationToken))
        {
            throw new ConflitException("Un bilan en entreprise de la période vient d'être finalisé : rechargez la période.");
        }
        var pieces = await documents.Query<PieceJointe>().Where(Du<PieceJointe>(periode, apprenants)).Select(p => p.Id).ToListAsync(cancellationToken);
        if (pieces.Count > 0)
        {
            documents.DeleteWhere<ContenuPieceJointe>(c => pieces.Contains(c.Id));
        }
        documents.DeleteWhere(Du<PieceJointe>(periode, apprenants));
        documents.DeleteWhere(Du<CommentaireJournal>(periode, apprenants));
        documents.DeleteWhere(Du<EntreeJournal>(periode, apprenants));
        documents.DeleteWhere(Du<FicheActivite>(periode, apprenants));
        documents.DeleteWhere(Du<BilanEntreprise>(periode, apprenants));
        documents.DeleteWhere(Du<NotificationPortfolio>(periode, apprenants));
        return Unit.Value;
    }

    /// <summary>The documents of the period, of these learners only when named: one filter for every portfolio type, which
    /// all carry PeriodeId and ApprenantId.</summary>
    private static Expression<Func<T, bool>> Du<T>(Guid periode, Guid[]? apprenants)
    {
        var x = Expression.Parameter(typeof(T), "x");
        Expression filtre = Expression.Equal(Expression.Property(x, "PeriodeId"), Expression.Constant(periode));
        if (apprenants is not null)
        {
            filtre = Expression.AndAlso(filtre, Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)],
                Expression.Constant(apprenants), Expression.Property(x, "ApprenantId")));
        }
        return Expression.Lambda<Func<T, bool>>(filtre, x);
    }
}
