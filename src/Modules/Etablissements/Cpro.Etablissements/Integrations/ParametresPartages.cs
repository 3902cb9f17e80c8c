using Cpro.Etablissements.Contracts;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Errors;
using Marten;
using Mediator;

namespace Cpro.Etablissements.Integrations;

/// <summary>Answers other modules' question about an establishment's parameters (Contracts query).</summary>
internal sealed class ParametresPartages(IQuerySession session) : IQueryHandler<ObtenirParametresEtablissement, ParametresEtablissement>
{
    public async ValueTask<ParametresEtablissement> Handle(ObtenirParametresEtablissement query, CancellationToken cancellationToken) =>
        await session.LoadAsync<Etablissement>(query.EtablissementId, cancellationToken) is { } e
            ? new ParametresEtablissement(e.Id, e.Uai, e.Nom, e.TransfertsAutorises, e.AccesInspecteurAutorise)
            : throw new IntrouvableException("Établissement introuvable.");
}
