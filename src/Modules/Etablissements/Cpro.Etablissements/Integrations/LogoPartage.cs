using Cpro.Etablissements.Contracts;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;

namespace Cpro.Etablissements.Integrations;

/// <summary>Answers a module that prints the establishment's logo (the book's cover), in the establishment it names.</summary>
internal sealed class LogoPartage(IQuerySession session) : IQueryHandler<ObtenirLogoEtablissement, LogoEtablissement?>
{
    public async ValueTask<LogoEtablissement?> Handle(ObtenirLogoEtablissement query, CancellationToken cancellationToken) =>
        await session.PourEtablissement(query.EtablissementId).LoadAsync<Logo>(query.EtablissementId, cancellationToken) is { } logo
            ? new LogoEtablissement(logo.Contenu, logo.Type)
            : null;
}
