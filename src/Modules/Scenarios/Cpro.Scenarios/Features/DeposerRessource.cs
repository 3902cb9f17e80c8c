using Carter;
using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using Cpro.Scenarios.Domain;
using FluentValidation;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Scenarios.Features;

/// <summary>The author or a co-author attaches a file to a scenario: at most 10 MB, of an accepted type recognised by its
/// content and its extension, within the establishment's space for resources.</summary>
internal static class DeposerRessource
{
    public const int TailleMax = 10 * 1024 * 1024;
    private const string TropVolumineux = "Le fichier dépasse la taille autorisée (10 Mo par ressource).";

    internal sealed record Command(Guid ScenarioId, string NomFichier, byte[] Contenu) : ICommand<RessourceDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Contenu).NotEmpty().WithMessage("Le fichier est vide.").OverridePropertyName("fichier");
    }

    /// <summary>Asked before the request's body is read: whoever may not edit the scenario never has a file parsed.</summary>
    internal sealed record Autorisation(Guid ScenarioId) : IQuery<Unit>;

    internal sealed class AutorisationHandler(IQuerySession session, ICurrentUser user) : IQueryHandler<Autorisation, Unit>
    {
        public async ValueTask<Unit> Handle(Autorisation query, CancellationToken cancellationToken)
        {
            await ScenarioModifiableAsync(session, user, query.ScenarioId, cancellationToken);
            return Unit.Value;
        }
    }

    private static async Task<Scenario> ScenarioModifiableAsync(IQuerySession session, ICurrentUser user, Guid scenarioId, CancellationToken cancellationToken)
    {
        AccesScenarios.Enseignant(user);
        var scenario = await Scenario.TrouverAsync(session, scenarioId, cancellationToken);
        scenario.VerifierAuteurRessources(user);
        return scenario;
    }

    internal sealed class Handler(IDocumentSession session, EspaceFichiers espace, ICurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, RessourceDto>
    {
        public async ValueTask<RessourceDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var scenario = await ScenarioModifiableAsync(session, user, command.ScenarioId, cancellationToken);
            if (command.Contenu.Length > TailleMax)
            {
                throw new TropVolumineuxException(TropVolumineux);
            }
            var nom = NomFichier.DeChemin(command.NomFichier);
            var type = TypeFichier.Reconnaitre(nom, command.Contenu)
                       ?? throw new NonTraitableException($"« {nom} » n'est pas accepté : son type n'est pas admis ou son contenu ne correspond pas à son extension. Types acceptés : {TypeFichier.Acceptes}.");
            await espace.VerifierAsync(session, AccesScenarios.Etablissement(user), command.Contenu.Length, cancellationToken);
            var ressource = new Ressource
            {
                ScenarioId = scenario.Id, NomFichier = nom, TypeContenu = type, Taille = command.Contenu.Length, AjouteLe = clock.GetUtcNow(),
                AjoutePar = user.NomComplet ?? "",
            };
            session.Insert(ressource);
            session.Insert(new ContenuRessource { Id = ressource.Id, Contenu = command.Contenu });
            return new RessourceDto(ressource.Id, ressource.NomFichier, ressource.TypeContenu, ressource.Taille, ressource.AjouteLe, ressource.AjoutePar);
        }
    }

    /// <summary>Reads the « fichier » part within the limit; over it, 413 before reading further.</summary>
    public static Task<(string Name, byte[] Content)> LireAsync(HttpRequest request, CancellationToken cancellationToken) =>
        MultipartForm.ReadFileAsync(request, "fichier", TailleMax, TropVolumineux,
            "Aucun fichier reçu : choisissez le fichier de la ressource puis envoyez-le.", cancellationToken);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/{id:guid}/ressources", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new Autorisation(id), ct);
                    var (nom, contenu) = await LireAsync(request, ct);
                    var ressource = await mediator.Send(new Command(id, nom, contenu), ct);
                    return TypedResults.Created($"/api/scenarios/{id}/ressources/{ressource.Id}", ressource);
                })
                .Accepts<IFormFile>("multipart/form-data")
                .WithSummary("Joindre une ressource au scénario (auteur et co-auteurs ; 10 Mo au plus ; PDF, images, documents Office ou LibreOffice, texte)");
    }
}
