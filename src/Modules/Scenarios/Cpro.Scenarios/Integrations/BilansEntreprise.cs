using Cpro.Kernel.Errors;
using Cpro.Kernel.Persistence;
using Cpro.Scenarios.Contracts;
using Cpro.Scenarios.Domain;
using Marten;
using Mediator;

namespace Cpro.Scenarios.Integrations;

/// <summary>The portfolio's finalised bilans en entreprise, in the learner's follow-up: appended to the bilan's own stream
/// in the establishment the portfolio names, in the finalisation's unit of work, so the dashboard and the synthesis count
/// them from the commit on (and tell them apart); a reopening withdraws them.</summary>
internal sealed class BilansEntreprise(IDocumentSession session, TimeProvider clock) : ICommandHandler<EnregistrerBilanEntreprise>, ICommandHandler<RetirerBilanEntreprise>
{
    public ValueTask<Unit> Handle(EnregistrerBilanEntreprise command, CancellationToken cancellationToken)
    {
        var niveaux = new Dictionary<string, NiveauMaitrise>(StringComparer.Ordinal);
        var commentaires = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in command.Positionnements)
        {
            niveaux[p.Item] = NiveauxMaitrise.Lire(p.Niveau) is { } niveau && niveau.EstDegre()
                ? niveau
                : throw new NonTraitableException($"Niveau « {p.Niveau} » invalide pour {p.Item} : 1, 2, 3 ou 4.");
            if (!string.IsNullOrWhiteSpace(p.Commentaire))
            {
                commentaires[p.Item] = p.Commentaire.Trim();
            }
        }
        var mode = command.Mode is Evaluation.ModeCompetences or Evaluation.ModeCriteres
            ? command.Mode
            : throw new NonTraitableException($"Mode « {command.Mode} » invalide : competences ou criteres.");
        session.PourEtablissement(command.EtablissementId).Events.Append(command.BilanId, new BilanEntrepriseFinalise(command.ApprenantId, command.Titre,
            command.Referentiel, command.Date, command.EnseignantId, command.EnseignantNom, mode, niveaux, commentaires, clock.GetUtcNow()));
        return ValueTask.FromResult(Unit.Value);
    }

    public ValueTask<Unit> Handle(RetirerBilanEntreprise command, CancellationToken cancellationToken)
    {
        session.PourEtablissement(command.EtablissementId).Events.Append(command.BilanId, new BilanEntrepriseRetire(command.ApprenantId, clock.GetUtcNow()));
        return ValueTask.FromResult(Unit.Value);
    }
}
