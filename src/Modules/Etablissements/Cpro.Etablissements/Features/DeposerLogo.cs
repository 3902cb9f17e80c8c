using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Etablissements.Features;

/// <summary>The establishment's logo: PNG or JPEG recognised by their content (never by the name or the declared type,
/// and no SVG, which can carry scripts), at most 512 KB. Every user of the establishment sees it.</summary>
internal static class DeposerLogo
{
    public const int TailleMax = 512 * 1024;
    private const string Refus = "Seuls l'administrateur et le chef de cet établissement modifient son logo.";

    internal sealed record Command(string Uai, byte[] Contenu) : ICommand;

    internal sealed record Suppression(string Uai) : ICommand;

    internal sealed record Query(string Uai) : IQuery<Logo>;

    /// <summary>The image type read from its first bytes, or null.</summary>
    public static string? TypeImage(ReadOnlySpan<byte> contenu) => contenu switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        _ => null,
    };

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var etablissement = await AccesEtablissement.VerifierAsync(session, user, command.Uai, ParametrerEtablissement.Editeurs, Refus, cancellationToken);
            if (command.Contenu.Length > TailleMax)
            {
                throw new TropVolumineuxException("Le logo dépasse la taille autorisée (512 Ko).");
            }
            var type = TypeImage(command.Contenu)
                       ?? throw new NonTraitableException("Le logo doit être une image PNG ou JPEG.");
            session.PourEtablissement(etablissement.Id)
                .Store(new Logo { Id = etablissement.Id, Contenu = command.Contenu, Type = type, ModifieLe = clock.GetUtcNow() });
            return Unit.Value;
        }
    }

    internal sealed class SuppressionHandler(IDocumentSession session, ICurrentUser user) : ICommandHandler<Suppression>
    {
        public async ValueTask<Unit> Handle(Suppression command, CancellationToken cancellationToken)
        {
            var etablissement = await AccesEtablissement.VerifierAsync(session, user, command.Uai, ParametrerEtablissement.Editeurs, Refus, cancellationToken);
            session.PourEtablissement(etablissement.Id).Delete<Logo>(etablissement.Id);
            return Unit.Value;
        }
    }

    internal sealed class QueryHandler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, Logo>
    {
        public async ValueTask<Logo> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = await AccesEtablissement.VerifierAsync(session, user, query.Uai, Profils.Etablissement,
                "Le logo d'un établissement n'est visible que de ses utilisateurs.", cancellationToken);
            return await session.PourEtablissement(etablissement.Id).LoadAsync<Logo>(etablissement.Id, cancellationToken)
                   ?? throw new IntrouvableException("Cet établissement n'a pas de logo.");
        }
    }

    /// <summary>Asked before the request's body is read: whoever may not change the logo never has an image parsed.</summary>
    internal sealed record Autorisation(string Uai) : IQuery<Unit>;

    internal sealed class AutorisationHandler(IQuerySession session, ICurrentUser user) : IQueryHandler<Autorisation, Unit>
    {
        public async ValueTask<Unit> Handle(Autorisation query, CancellationToken cancellationToken)
        {
            await AccesEtablissement.VerifierAsync(session, user, query.Uai, ParametrerEtablissement.Editeurs, Refus, cancellationToken);
            return Unit.Value;
        }
    }

    /// <summary>Reads the « logo » part within the limit; over it, 413 before reading further.</summary>
    public static async Task<byte[]> LireAsync(HttpRequest request, CancellationToken cancellationToken) =>
        (await MultipartForm.ReadFileAsync(request, "logo", TailleMax, "Le logo dépasse la taille autorisée (512 Ko).",
            "Aucune image reçue : choisissez le logo (PNG ou JPEG) puis envoyez-le.", cancellationToken)).Content;

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapPut("/{uai}/logo", async (string uai, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new Autorisation(uai), ct);
                    await mediator.Send(new Command(uai, await LireAsync(request, ct)), ct);
                    return TypedResults.NoContent();
                })
                .Accepts<IFormFile>("multipart/form-data")
                .WithSummary("Déposer le logo de l'établissement (PNG ou JPEG, 512 Ko au plus)");
            app.MapDelete("/{uai}/logo", async (string uai, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new Suppression(uai), ct);
                    return TypedResults.NoContent();
                })
                .WithSummary("Retirer le logo de l'établissement");
            app.MapGet("/{uai}/logo", async (string uai, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                {
                    var logo = await mediator.Send(new Query(uai), ct);
                    response.Headers.CacheControl = "private, no-cache";
                    return TypedResults.File(logo.Contenu, logo.Type);
                })
                .WithSummary("Lire le logo de l'établissement");
        }
    }
}
