using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Identity;
using Cpro.Referentiels.Contracts;
using Marten;
using Mediator;

namespace Cpro.Scenarios.Domain;

/// <summary>What a learner's follow-up makes of each competence of the référentiels they were evaluated on: their
/// positionings in evaluation order and the level the establishment's rule gives them. The dashboard shows all of it,
/// the synthesis the levels only.</summary>
internal static class SuiviCompetences
{
    internal sealed record Suivi(ApprenantEtablissement Apprenant, RegleSynthese Regle, IReadOnlyList<EvaluationSuivie> Evaluations,
        IReadOnlyList<ReferentielSuivi> Referentiels);

    internal sealed record ReferentielSuivi(ReferentielIndex Index, IReadOnlyList<CompetenceSuivie> Competences);

    internal sealed record CompetenceSuivie(CompetenceDto Competence, IReadOnlyList<PositionnementSuivi> Positionnements,
        NiveauMaitrise? Niveau, string Explication);

    internal sealed record PositionnementSuivi(EvaluationSuivie Evaluation, string Item, NiveauMaitrise Niveau)
    {
        public Synthese.Point Point => new(Evaluation.Date, Evaluation.CreeLe.UtcTicks, Niveau);
    }

    /// <summary>Reads the learner's follow-up and the rule in one round trip, checks the user may follow the learner
    /// before anything of it is used, then applies the rule per competence (of one bloc if asked).</summary>
    public static async Task<Suivi> CalculerAsync(IQuerySession session, ICurrentUser user, IMediator mediator, Guid apprenantId, string? bloc,
        CancellationToken cancellationToken)
    {
        var lecture = session.CreateBatchQuery();
        var suiviLu = lecture.Load<SuiviApprenant>(apprenantId);
        var parametresLus = lecture.Load<ParametresSuivi>(ParametresSuivi.Cle);
        await lecture.Execute(cancellationToken);
        var suivi = await suiviLu;
        var apprenant = await AccesSuivi.VerifierAsync(user, mediator, apprenantId, suivi, cancellationToken);
        var regle = ParametresSuivi.RegleDe(await parametresLus);
        var evaluees = (suivi?.Evaluations ?? []).Where(e => e.Niveaux.Count > 0).OrderBy(e => e.Date).ThenBy(e => e.CreeLe).ToList();
        var referentiels = new List<ReferentielSuivi>();
        foreach (var parReferentiel in evaluees.GroupBy(e => e.Referentiel).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var index = await AccesScenarios.ReferentielAsync(mediator, parReferentiel.Key, cancellationToken);
            // In evaluation order, hence by date then creation.
            var parCompetence = parReferentiel.SelectMany(e => e.Niveaux.Select(n => new PositionnementSuivi(e, n.Key, n.Value)))
                .ToLookup(x => x.Evaluation.CompetenceDe(x.Item));
            var competences = index.Referentiel.Competences
                .Where(c => bloc is null || c.Blocs.Contains(bloc))
                .Select(c =>
                {
                    var siens = parCompetence[c.Code].ToList();
                    var (niveau, explication) = Synthese.Calculer(regle, [.. siens.Select(x => x.Point)]);
                    return new CompetenceSuivie(c, siens, niveau, explication);
                })
                .ToList();
            referentiels.Add(new ReferentielSuivi(index, competences));
        }
        return new Suivi(apprenant, regle, evaluees, referentiels);
    }
}
