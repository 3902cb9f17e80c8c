using Cpro.Kernel.Persistence;
using Cpro.Scenarios.Contracts;
using Cpro.Scenarios.Domain;
using Marten;
using Mediator;

namespace Cpro.Scenarios.Integrations;

/// <summary>Answers Book: a learner's evaluations from their follow-up (one document), in the establishment it names, with
/// the degree reached per competence; only the evaluations where they have at least one degree (not absent, not « non
/// évalué »).</summary>
internal sealed class EvaluationsApprenant(IQuerySession session) : IQueryHandler<ListerEvaluationsApprenant, IReadOnlyList<EvaluationApprenant>>
{
    public async ValueTask<IReadOnlyList<EvaluationApprenant>> Handle(ListerEvaluationsApprenant query, CancellationToken cancellationToken)
    {
        var suivi = await session.PourEtablissement(query.EtablissementId).LoadAsync<SuiviApprenant>(query.ApprenantId, cancellationToken);
        if (suivi is null)
        {
            return [];
        }
        return [.. suivi.Evaluations
            .Select(e => (Evaluation: e, Niveaux: Niveaux(e)))
            .Where(x => x.Niveaux.Count > 0)
            .OrderByDescending(x => x.Evaluation.Date).ThenByDescending(x => x.Evaluation.CreeLe)
            .Select(x => new EvaluationApprenant(x.Evaluation.Id, x.Evaluation.Titre, x.Evaluation.Date, x.Evaluation.Referentiel, x.Evaluation.EnseignantNom,
                x.Evaluation.EnEntreprise, x.Niveaux))];
    }

    private static List<NiveauAtteint> Niveaux(EvaluationSuivie evaluation) =>
    [
        .. evaluation.Niveaux.Where(n => n.Value.EstDegre())
            .GroupBy(n => evaluation.CompetenceDe(n.Key), n => n.Value, StringComparer.Ordinal)
            .Select(g =>
            {
                var meilleur = g.Max();
                return new NiveauAtteint(g.Key, (int)meilleur, meilleur.Libelle());
            }),
    ];
}
