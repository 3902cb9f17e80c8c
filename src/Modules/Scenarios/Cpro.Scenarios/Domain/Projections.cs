using JasperFx.Events;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace Cpro.Scenarios.Domain;

/// <summary>The grid of an evaluation from its stream, updated in the transaction that appends each event (inline).</summary>
internal sealed class ProjectionGrille : SingleStreamProjection<Evaluation, Guid>
{
    public override Evaluation? Evolve(Evaluation? evaluation, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case EvaluationCreee creation:
                return Evaluation.Creer(id, creation);
            case GrilleEnregistree enregistrement when evaluation is not null:
                evaluation.Appliquer(enregistrement, e.Version);
                return evaluation;
            default:
                return evaluation;
        }
    }
}

/// <summary>Each learner's follow-up from the events of every evaluation they are in (and of their finalised bilans en
/// entreprise), updated in the transaction that
/// appends them (inline), in the events' establishment.</summary>
internal sealed class ProjectionSuivi : MultiStreamProjection<SuiviApprenant, Guid>
{
    public ProjectionSuivi()
    {
        Identities<EvaluationCreee>(creation => [.. creation.Apprenants]);
        Identities<GrilleEnregistree>(enregistrement => [.. enregistrement.Cellules.Select(c => c.ApprenantId).Distinct()]);
        Identities<BilanEntrepriseFinalise>(bilan => [bilan.ApprenantId]);
        Identities<BilanEntrepriseRetire>(retrait => [retrait.ApprenantId]);
    }

    public override SuiviApprenant? Evolve(SuiviApprenant? suivi, Guid id, IEvent e)
    {
        suivi ??= new SuiviApprenant { Id = id };
        switch (e.Data)
        {
            case EvaluationCreee creation:
                suivi.Ajouter(e.StreamId, creation);
                break;
            case GrilleEnregistree enregistrement:
                suivi.Appliquer(e.StreamId, enregistrement);
                break;
            case BilanEntrepriseFinalise bilan:
                suivi.Evaluations.RemoveAll(x => x.Id == e.StreamId);
                suivi.Evaluations.Add(EvaluationSuivie.EnEntrepriseDe(e.StreamId, bilan));
                break;
            case BilanEntrepriseRetire:
                suivi.Evaluations.RemoveAll(x => x.Id == e.StreamId);
                break;
        }
        return suivi;
    }
}
