using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Etablissements.Features;

/// <summary>Answers other modules' question about an establishment's parameters (Contracts query).</summary>
internal sealed class ParametresPartages(EtablissementsDbContext db) : IQueryHandler<ObtenirParametresEtablissement, ParametresEtablissement>
{
    public async ValueTask<ParametresEtablissement> Handle(ObtenirParametresEtablissement query, CancellationToken cancellationToken) =>
        await db.Etablissements.AsNoTracking().Where(e => e.Id == query.EtablissementId)
            .Select(e => new ParametresEtablissement(e.Id, e.Uai, e.Nom, e.TransfertsAutorises, e.AccesInspecteurAutorise))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new IntrouvableException("Établissement introuvable.");
}
