using Cpro.Kernel.Persistence;
using Cpro.Scenarios.Contracts;
using Cpro.Scenarios.Domain;
using Marten;
using Mediator;

namespace Cpro.Scenarios.Integrations;

/// <summary>Answers Bilans: a learner's synthesis on one référentiel up to a date, with the positionings it comes from, by
/// the establishment's rule, read in one round trip in the establishment Bilans names. Bilans has checked its caller's rights.</summary>
internal sealed class SynthesesPartagees(IQuerySession session, IMediator mediator) : IQueryHandler<CalculerSyntheseCompetences, SyntheseCompetences>
{
    public async ValueTask<SyntheseCompetences> Handle(CalculerSyntheseCompetences query, CancellationToken cancellationToken)
    {
        var lecture = session.PourEtablissement(query.EtablissementId).CreateBatchQuery();
        var suiviLu = lecture.Load<SuiviApprenant>(query.ApprenantId);
        var parametresLus = lecture.Load<ParametresSuivi>(ParametresSuivi.Cle);
        await lecture.Execute(cancellationToken);
        var regle = ParametresSuivi.RegleDe(await parametresLus);
        var index = await AccesScenarios.ReferentielAsync(mediator, query.Referentiel, cancellationToken);
        // In evaluation order (date, then creation), as the dashboard applies the rule.
        var parCompetence = ((await suiviLu)?.Evaluations ?? [])
            .Where(e => e.Referentiel == query.Referentiel && e.Date <= query.Jusquau)
            .OrderBy(e => e.Date).ThenBy(e => e.CreeLe)
            .SelectMany(e => e.Niveaux.Where(n => n.Value.EstDegre()).Select(n => new SuiviCompetences.PositionnementSuivi(e, n.Key, n.Value)))
            .ToLookup(p => p.Evaluation.CompetenceDe(p.Item));
        return new SyntheseCompetences(regle.Libelle(),
        [
            .. index.Referentiel.Competences.Select(c =>
            {
                var siens = parCompetence[c.Code].ToList();
                var (niveau, explication) = Synthese.Calculer(regle, [.. siens.Select(p => p.Point)]);
                return new CompetenceSynthetisee(c.Code, c.Intitule, niveau?.Code(), explication,
                    [.. siens.Select(p => new PreuveCompetence(p.Evaluation.Id, p.Evaluation.Titre, p.Evaluation.Date, p.Evaluation.EnseignantNom,
                        p.Evaluation.EnEntreprise, p.Item, p.Niveau.Code()))]);
            }),
        ]);
    }
}
