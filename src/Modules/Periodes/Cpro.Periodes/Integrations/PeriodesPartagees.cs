using Cpro.Kernel.Persistence;
using Cpro.Periodes.Contracts;
using Cpro.Periodes.Domain;
using Cpro.Periodes.Features;
using Marten;
using Mediator;

namespace Cpro.Periodes.Integrations;

/// <summary>Answers the portfolio's questions about company periods and their learners (Contracts queries). The
/// establishment is the one the asking module names; the asking handler decides what its caller may do with the answer.</summary>
internal sealed class PeriodesPartagees(IQuerySession session, UnitOfWork unitOfWork, AffectationsEnCache cache) :
    IQueryHandler<ListerPeriodesEntrepriseSuivies, IReadOnlyList<PeriodeEntrepriseSuivie>>,
    IQueryHandler<ObtenirApprenantEnEntreprise, PeriodeEntrepriseSuivie?>
{
    public async ValueTask<IReadOnlyList<PeriodeEntrepriseSuivie>> Handle(ListerPeriodesEntrepriseSuivies query, CancellationToken cancellationToken)
    {
        var documents = session.PourEtablissement(query.EtablissementId);
        var moi = query.UtilisateurId;
        List<PeriodeEntreprise> periodes;
        if (query.Toutes)
        {
            periodes = [.. await documents.Query<PeriodeEntreprise>().ToListAsync(cancellationToken)];
        }
        else
        {
            var affectees = await documents.Query<AffectationEntreprise>().Where(a => a.ApprenantId == moi || a.TuteurId == moi)
                .Select(a => a.PeriodeId).ToListAsync(cancellationToken);
            periodes = [.. await documents.Query<PeriodeEntreprise>().Where(p => p.Referents.Contains(moi) || affectees.Contains(p.Id)).ToListAsync(cancellationToken)];
        }
        var ids = periodes.Select(p => p.Id).ToList();
        var affectations = (await documents.Query<AffectationEntreprise>().Where(a => ids.Contains(a.PeriodeId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.PeriodeId);
        return [.. periodes.OrderByDescending(p => p.Debut).ThenBy(p => p.Titre)
            .Select(p => Suivie(p, affectations[p.Id].Where(a => query.Toutes || p.Referents.Contains(moi) || a.ApprenantId == moi || a.TuteurId == moi)))];
    }

    public async ValueTask<PeriodeEntrepriseSuivie?> Handle(ObtenirApprenantEnEntreprise query, CancellationToken cancellationToken) =>
        await cache.LireAsync(unitOfWork, $"{query.EtablissementId}/{query.PeriodeId}/{query.ApprenantId}", () => LireApprenantAsync(query, cancellationToken));

    private async Task<PeriodeEntrepriseSuivie?> LireApprenantAsync(ObtenirApprenantEnEntreprise query, CancellationToken cancellationToken)
    {
        var documents = session.PourEtablissement(query.EtablissementId);
        var lecture = documents.CreateBatchQuery();
        var periodeLue = lecture.Load<PeriodeEntreprise>(query.PeriodeId);
        var affectationLue = lecture.Query<AffectationEntreprise>().SingleOrDefault(a => a.PeriodeId == query.PeriodeId && a.ApprenantId == query.ApprenantId);
        await lecture.Execute(cancellationToken);
        return await periodeLue is { } periode && await affectationLue is { } affectation ? Suivie(periode, [affectation]) : null;
    }

    private static PeriodeEntrepriseSuivie Suivie(PeriodeEntreprise p, IEnumerable<AffectationEntreprise> affectations) =>
        new(p.Id, AccesEntreprise.Code(p.Type), p.Referentiel, p.NiveauClasse, p.Titre, p.Debut, p.Fin, p.Taches, p.Referents,
            [.. affectations.Select(a => new ApprenantEnEntreprise(a.ApprenantId, a.EntrepriseNom, a.TuteurId, a.TuteurNom, a.TuteurPrenom))]);
}
