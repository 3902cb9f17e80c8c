using Carter;
using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Identity;
using Cpro.Scenarios.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Scenarios.Features;

/// <summary>The teaching team downloads a scenario's resource, always as an attachment and with its recognised type, so
/// that a browser never renders it in Cpro's origin.</summary>
internal static class TelechargerRessource
{
    internal sealed record Query(Guid ScenarioId, Guid RessourceId) : IQuery<Fichier>;

    internal sealed record Fichier(string NomFichier, string TypeContenu, byte[] Contenu);

    internal sealed class Handler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, Fichier>
    {
        public async ValueTask<Fichier> Handle(Query query, CancellationToken cancellationToken)
        {
            AccesScenarios.Lecteur(user);
            var scenario = await Scenario.TrouverAsync(session, query.ScenarioId, cancellationToken);
            var ressource = await Ressource.TrouverAsync(session, scenario, query.RessourceId, cancellationToken);
            var contenu = await session.LoadAsync<ContenuRessource>(ressource.Id, cancellationToken)
                          ?? throw new InvalidOperationException($"Contenu de la ressource {ressource.Id} absent.");
            return new Fichier(ressource.NomFichier, ressource.TypeContenu, contenu.Contenu);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/{id:guid}/ressources/{ressourceId:guid}", async (Guid id, Guid ressourceId, IMediator mediator, HttpResponse response,
                    CancellationToken ct) =>
                {
                    var fichier = await mediator.Send(new Query(id, ressourceId), ct);
                    response.Headers.ContentDisposition = NomFichier.Telechargement(fichier.NomFichier);
                    response.Headers.XContentTypeOptions = "nosniff";
                    return TypedResults.File(fichier.Contenu, fichier.TypeContenu);
                })
                .WithSummary("Télécharger une ressource du scénario");
    }
}
