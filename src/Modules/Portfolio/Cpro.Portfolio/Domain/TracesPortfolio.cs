using System.Linq.Expressions;
using Marten;
using Marten.Linq;

namespace Cpro.Portfolio.Domain;

/// <summary>A learner's fiches activités (by date) and journal (latest first, each entry's comments oldest first) on a
/// period, with their attachments, read in one round trip: the portfolio's page shows both, and every page of the
/// portfolio is opened often by learners and tutors at once (issue 13's benchmark).</summary>
internal sealed record TracesPortfolio(IReadOnlyList<FicheDto> Fiches, IReadOnlyList<EntreeJournalDto> Journal)
{
    public static async Task<TracesPortfolio> LireAsync(IQuerySession session, Suivi suivi, bool fiches, bool journal, CancellationToken cancellationToken)
    {
        var (periodeId, apprenantId) = (suivi.Periode.Id, suivi.Affectation.ApprenantId);
        var lecture = session.CreateBatchQuery();
        var fichesLues = fiches ? lecture.Query(new DuSuivi<FicheActivite> { PeriodeId = periodeId, ApprenantId = apprenantId }) : null;
        var entreesLues = journal ? lecture.Query(new DuSuivi<EntreeJournal> { PeriodeId = periodeId, ApprenantId = apprenantId }) : null;
        var commentairesLus = journal ? lecture.Query(new DuSuivi<CommentaireJournal> { PeriodeId = periodeId, ApprenantId = apprenantId }) : null;
        var piecesLues = lecture.Query(new DuSuivi<PieceJointe> { PeriodeId = periodeId, ApprenantId = apprenantId });
        await lecture.Execute(cancellationToken);

        var pieces = (await piecesLues).OrderBy(p => p.AjouteLe).ToLookup(p => p.ParentId);
        IReadOnlyList<FicheDto> listeFiches = fichesLues is null
            ? []
            : [.. (await fichesLues).OrderBy(f => f.Debut).ThenBy(f => f.CreeLe).Select(f => FicheDto.De(f, pieces[f.Id]))];
        if (entreesLues is null || commentairesLus is null)
        {
            return new TracesPortfolio(listeFiches, []);
        }
        var commentaires = (await commentairesLus).OrderBy(c => c.Le).ToLookup(c => c.EntreeId);
        return new TracesPortfolio(listeFiches,
        [
            .. (await entreesLues).OrderByDescending(e => e.Date).ThenByDescending(e => e.CreeLe)
                .Select(e => new EntreeJournalDto(e.Id, e.Date, e.Semaine, e.Texte, e.Taches, e.CreeLe, [.. pieces[e.Id].Select(PieceJointeDto.De)],
                    [.. commentaires[e.Id].Select(c => new CommentaireDto(c.Id, c.AuteurNom, c.Qualite, c.Texte, c.Le))])),
        ]);
    }
}

/// <summary>What a learner wrote or received on one period.</summary>
internal interface ITraceSuivi
{
    Guid PeriodeId { get; }
    Guid ApprenantId { get; }
}

/// <summary>A compiled query: Marten translates it once, where a LINQ query is parsed again at each of the page's reads.</summary>
internal sealed class DuSuivi<T> : ICompiledListQuery<T> where T : class, ITraceSuivi
{
    public Guid PeriodeId { get; set; }
    public Guid ApprenantId { get; set; }

    public Expression<Func<IMartenQueryable<T>, IEnumerable<T>>> QueryIs() =>
        q => q.Where(t => t.PeriodeId == PeriodeId && t.ApprenantId == ApprenantId);
}
