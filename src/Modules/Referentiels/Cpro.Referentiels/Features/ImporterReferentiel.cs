using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Referentiels.Catalogue;
using Cpro.Referentiels.Domain;
using Cpro.Referentiels.Integrations;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;

namespace Cpro.Referentiels.Features;

/// <summary>The platform administrator adds a référentiel file to the catalogue, or a new version of one they imported;
/// the shipped ones are not replaced this way. An invalid file gets its full French report and nothing is written.</summary>
internal static class ImporterReferentiel
{
    public const string Creation = "creation";
    public const string Remplacement = "remplacement";
    public const string Inchange = "inchange";

    internal sealed record Command(byte[] Contenu, bool Simulation) : ICommand<Resultat>;

    /// <summary><see cref="Operation"/>: <see cref="Creation"/>, <see cref="Remplacement"/> or <see cref="Inchange"/>
    /// (done, or what it would do in a simulation).</summary>
    internal sealed record ImportDto(bool Simulation, string Operation, ListerReferentiels.ResumeDto Referentiel);

    /// <summary>Either the import, or the errors of the file.</summary>
    internal sealed record Resultat(ImportDto? Import, IReadOnlyList<string> Erreurs);

    /// <summary>Asked before the request's body is read: whoever may not import never has a file parsed.</summary>
    internal sealed record Autorisation : IQuery<Unit>;

    internal sealed class AutorisationHandler(ICurrentUser user) : IQueryHandler<Autorisation, Unit>
    {
        public ValueTask<Unit> Handle(Autorisation query, CancellationToken cancellationToken)
        {
            VerifierAdministrateur(user);
            return ValueTask.FromResult(Unit.Value);
        }
    }

    private static void VerifierAdministrateur(ICurrentUser user)
    {
        if (!user.IsPlatformAdmin)
        {
            throw new InterditException("Seul l'administrateur de la plateforme importe des référentiels.");
        }
    }

    internal sealed class Handler(IDocumentSession session, UnitOfWork unitOfWork, IMemoryCache cache, ICurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, Resultat>
    {
        public async ValueTask<Resultat> Handle(Command command, CancellationToken cancellationToken)
        {
            VerifierAdministrateur(user);
            var lecture = ValidateurReferentiel.Lire(command.Contenu);
            if (lecture.Referentiel is not { } valide)
            {
                return new Resultat(null, lecture.Erreurs);
            }
            var existant = await session.Query<Referentiel>().Where(r => r.Code == valide.Code)
                .Select(r => new { r.Source, r.Version }).SingleOrDefaultAsync(cancellationToken);
            if (existant?.Source == Referentiel.SourceCatalogue)
            {
                throw new ConflitException($"Le référentiel {valide.Code} fait partie du catalogue livré avec Cpro : un import ne le remplace pas.");
            }
            var importe = Referentiel.Creer(valide, Referentiel.SourceImport, clock.GetUtcNow(), user.Login);
            var operation = existant is null ? Creation : existant.Version == valide.Version ? Inchange : Remplacement;
            if (!command.Simulation && operation == Creation)
            {
                // Two first imports of one code at once: the second is refused (409), as a duplicate.
                session.Insert(importe);
            }
            else if (!command.Simulation && operation == Remplacement)
            {
                session.Store(importe);
            }
            if (!command.Simulation && operation != Inchange)
            {
                unitOfWork.OnCommitted(() => ReferentielsPartages.OublierVersion(cache, importe.Code));
            }
            return new Resultat(new ImportDto(command.Simulation, operation, ListerReferentiels.ResumeDto.From(importe, null)), []);
        }
    }

    /// <summary>Reads the « fichier » part within the size limit; over it, 413 before reading further.</summary>
    public static async Task<byte[]> LireFichierAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var message = $"Le fichier dépasse la taille autorisée ({ValidateurReferentiel.TailleMax / (1024 * 1024)} Mo).";
        var formulaire = await MultipartForm.ReadAsync(request, ValidateurReferentiel.TailleMax + 64 * 1024, message,
            "Envoyez le référentiel en multipart/form-data, dans une partie nommée « fichier ».", cancellationToken);
        var fichier = formulaire.Files.GetFile("fichier") is { Length: > 0 } f
            ? f
            : throw new RequeteInvalideException("Aucun fichier reçu : choisissez le fichier du référentiel (JSON, format cpro-referentiel/1) puis envoyez-le.");
        if (fichier.Length > ValidateurReferentiel.TailleMax)
        {
            throw new TropVolumineuxException(message);
        }
        using var memoire = new MemoryStream((int)fichier.Length);
        await fichier.CopyToAsync(memoire, cancellationToken);
        return memoire.ToArray();
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/", async (bool? simulation, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new Autorisation(), ct);
                    var resultat = await mediator.Send(new Command(await LireFichierAsync(request, ct), simulation == true), ct);
                    if (resultat.Import is not { } import)
                    {
                        return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Référentiel invalide",
                            detail: $"Le fichier comporte {resultat.Erreurs.Count} erreur(s) : rien n'a été enregistré.",
                            extensions: new Dictionary<string, object?> { ["erreurs"] = resultat.Erreurs });
                    }
                    return import is { Simulation: false, Operation: Creation }
                        ? Results.Created($"/api/referentiels/{import.Referentiel.Code}", import)
                        : Results.Ok(import);
                })
                .Accepts<IFormFile>("multipart/form-data")
                .WithSummary("Importer un référentiel (partie « fichier », format cpro-referentiel/1 ; simulation=true : vérifier sans rien écrire)");
    }
}
