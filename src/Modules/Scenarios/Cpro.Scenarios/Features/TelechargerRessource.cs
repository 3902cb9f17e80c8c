using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Scenarios.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Scenarios.Features;

/// <summary>The teaching team downloads a scenario's resource, always as an attachment and with its recognised type, so
/// that a browser never renders it in Cpro's origin.</summary>
internal static class TelechargerRessource
{
    internal sealed record Query(Guid ScenarioId, Guid RessourceId) : IQuery<Fichier>;

    internal sealed record Fichier(string NomFichier, string TypeContenu, byte[] Contenu);

    /// <summary>One of the scenario's resources, or 404.</summary>
    public static async Task<Ressource> TrouverAsync(ScenariosDbContext db, Scenario scenario, Guid ressourceId, CancellationToken cancellationToken) =>
        await db.Ressources.SingleOrDefaultAsync(r => r.Id == ressourceId && r.ScenarioId == scenario.Id, cancellationToken)
        ?? throw new IntrouvableException("Ressource introuvable.");

    internal sealed class Handler(ScenariosDbContext db, ICurrentUser user) : IQueryHandler<Query, Fichier>
    {
        public async ValueTask<Fichier> Handle(Query query, CancellationToken cancellationToken)
        {
            AccesScenarios.Lecteur(user);
            var scenario = await ModifierScenario.TrouverAsync(db, query.ScenarioId, cancellationToken);
            var ressource = await TrouverAsync(db, scenario, query.RessourceId, cancellationToken);
            var contenu = await db.ContenusRessources.Where(c => c.RessourceId == ressource.Id).Select(c => c.Contenu).SingleAsync(cancellationToken);
            return new Fichier(ressource.NomFichier, ressource.TypeContenu, contenu);
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
