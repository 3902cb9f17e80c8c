using Carter;
using Cpro.Book.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>The learner illustrates a réussite with a photo or a document (six at most): 10 MB at most, of a type recognised
/// by its content and its extension (as a portfolio's attachment), within the establishment's space for files. A photo is
/// kept reduced and without its metadata, GPS position included (<see cref="Photos"/>); what counts is what is kept.</summary>
internal static class AjouterMedia
{
    private const string TropVolumineux = "Le fichier dépasse la taille autorisée (10 Mo par photo ou document).";

    internal sealed record Command(Guid ReussiteId, string NomFichier, byte[] Contenu) : ICommand<MediaDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Contenu).NotEmpty().WithMessage("Le fichier est vide.").OverridePropertyName("fichier");
    }

    /// <summary>Asked before the request's body is read: whoever may not add here never has a file parsed.</summary>
    internal sealed record Autorisation(Guid ReussiteId) : IQuery<Unit>;

    internal sealed class AutorisationHandler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Autorisation, Unit>
    {
        public async ValueTask<Unit> Handle(Autorisation query, CancellationToken cancellationToken)
        {
            await ReussiteAsync(session, user, mediator, query.ReussiteId, cancellationToken);
            return Unit.Value;
        }
    }

    /// <summary>The learner's own réussite, with room for one more media.</summary>
    private static async Task<(Lecteur, Reussite)> ReussiteAsync(IQuerySession session, ICurrentUser user, IMediator mediator, Guid id, CancellationToken cancellationToken)
    {
        var (lecteur, reussite) = await LireReussite.TrouverAsync(session, mediator, user, id, cancellationToken);
        lecteur.Rediger();
        await PlaceAsync(session, reussite, cancellationToken);
        return (lecteur, reussite);
    }

    private static async Task PlaceAsync(IQuerySession session, Reussite reussite, CancellationToken cancellationToken)
    {
        if (await session.Query<MediaReussite>().CountAsync(m => m.ReussiteId == reussite.Id, cancellationToken) >= MediaReussite.ParReussite)
        {
            throw new NonTraitableException($"La réussite « {reussite.Titre} » a déjà {MediaReussite.ParReussite} photos ou documents : retirez-en un d'abord.");
        }
    }

    internal sealed class Handler(IDocumentSession session, EspaceFichiers espace, ICurrentUser user, IMediator mediator, TimeProvider clock)
        : ICommandHandler<Command, MediaDto>
    {
        public async ValueTask<MediaDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (lecteur, reussite) = await ReussiteAsync(session, user, mediator, command.ReussiteId, cancellationToken);
            if (command.Contenu.Length > MediaReussite.TailleMax)
            {
                throw new TropVolumineuxException(TropVolumineux);
            }
            var nom = NomFichier.DeChemin(command.NomFichier);
            var type = MediaReussite.Type(nom, command.Contenu);
            var photo = Photos.EstPhoto(type);
            var contenu = photo ? Photos.Reduire(command.Contenu, nom) : command.Contenu;
            await espace.VerifierAsync(session, lecteur.Etablissement, contenu.Length, cancellationToken);
            // Counted again under the establishment's lock the space check holds until the commit: two uploads at once
            // cannot both be the sixth.
            await PlaceAsync(session, reussite, cancellationToken);
            var media = new MediaReussite
            {
                ReussiteId = reussite.Id, ApprenantId = reussite.ApprenantId, NomFichier = nom, TypeContenu = type, Taille = contenu.Length, Photo = photo,
                AjouteLe = clock.GetUtcNow(),
            };
            session.Insert(media);
            session.Insert(new ContenuMedia { Id = media.Id, Contenu = contenu });
            return MediaDto.De(media);
        }
    }

    /// <summary>Reads the « fichier » part within the limit; over it, 413 before reading further.</summary>
    public static Task<(string Name, byte[] Content)> LireAsync(HttpRequest request, CancellationToken cancellationToken) =>
        MultipartForm.ReadFileAsync(request, "fichier", MediaReussite.TailleMax, TropVolumineux,
            "Joignez le fichier dans une partie nommée « fichier ».", cancellationToken);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/reussites/{reussiteId:guid}/medias", async Task<Created<MediaDto>> (Guid reussiteId, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new Autorisation(reussiteId), ct);
                    var (nom, contenu) = await LireAsync(request, ct);
                    var media = await mediator.Send(new Command(reussiteId, nom, contenu), ct);
                    return TypedResults.Created($"/api/book/reussites/{reussiteId}/medias/{media.Id}", media);
                })
                .Accepts<IFormFile>("multipart/form-data")
                .WithSummary("Illustrer une réussite d'une photo ou d'un document (l'apprenant ; 6 au plus, 10 Mo chacun ; photos réduites, sans données EXIF)");
    }
}
