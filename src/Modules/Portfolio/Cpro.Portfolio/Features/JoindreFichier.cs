using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using Cpro.Portfolio.Domain;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>The learner attaches a photo or a document to a fiche in draft or to a journal entry: at most 10 MB, of a type
/// recognised by its content and its extension (as a scenario's resources), within the establishment's space for files,
/// which scenarios' resources share.</summary>
internal static class JoindreFichier
{
    private const string TropVolumineux = "Le fichier dépasse la taille autorisée (10 Mo par pièce jointe).";

    internal sealed record Command(Guid PeriodeId, Guid ApprenantId, Guid ParentId, bool Journal, string NomFichier, byte[] Contenu) : ICommand<PieceJointeDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Contenu).NotEmpty().WithMessage("Le fichier est vide.").OverridePropertyName("fichier");
    }

    /// <summary>Asked before the request's body is read: whoever may not attach here never has a file parsed.</summary>
    internal sealed record Autorisation(Guid PeriodeId, Guid ApprenantId, Guid ParentId, bool Journal) : IQuery<Unit>;

    internal sealed class AutorisationHandler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Autorisation, Unit>
    {
        public async ValueTask<Unit> Handle(Autorisation query, CancellationToken cancellationToken)
        {
            await ParentAsync(session, user, mediator, query.PeriodeId, query.ApprenantId, query.ParentId, query.Journal, cancellationToken);
            return Unit.Value;
        }
    }

    /// <summary>The learner's own fiche, still in draft, or journal entry.</summary>
    private static async Task<Suivi> ParentAsync(IQuerySession session, ICurrentUser user, IMediator mediator, Guid periodeId, Guid apprenantId, Guid parentId,
        bool journal, CancellationToken cancellationToken)
    {
        var suivi = await AccesPortfolio.VerifierAsync(mediator, user, periodeId, apprenantId, cancellationToken);
        suivi.Apprenant();
        if (journal)
        {
            await AccesPortfolio.EntreeAsync(session, suivi, parentId, cancellationToken);
        }
        else
        {
            ContenuFiche.VerifierBrouillon(await AccesPortfolio.FicheAsync(session, suivi, parentId, cancellationToken));
        }
        return suivi;
    }

    internal sealed class Handler(IDocumentSession session, EspaceFichiers espace, ICurrentUser user, IMediator mediator, TimeProvider clock)
        : ICommandHandler<Command, PieceJointeDto>
    {
        public async ValueTask<PieceJointeDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var suivi = await ParentAsync(session, user, mediator, command.PeriodeId, command.ApprenantId, command.ParentId, command.Journal, cancellationToken);
            if (command.Contenu.Length > PieceJointe.TailleMax)
            {
                throw new TropVolumineuxException(TropVolumineux);
            }
            var nom = NomFichier.DeChemin(command.NomFichier);
            var type = PieceJointe.Type(nom, command.Contenu);
            await espace.VerifierAsync(session, suivi.Etablissement, command.Contenu.Length, cancellationToken);
            var piece = new PieceJointe
            {
                Id = Guid.NewGuid(),
                PeriodeId = command.PeriodeId, ApprenantId = command.ApprenantId, ParentId = command.ParentId, NomFichier = nom, TypeContenu = type,
                Taille = command.Contenu.Length, AjouteLe = clock.GetUtcNow(), AjoutePar = suivi.Nom,
            };
            session.Insert(piece);
            session.Insert(new ContenuPieceJointe { Id = piece.Id, Contenu = command.Contenu });
            return PieceJointeDto.De(piece);
        }
    }

    /// <summary>Reads the « fichier » part within the limit; over it, 413 before reading further.</summary>
    public static Task<(string Name, byte[] Content)> LireAsync(HttpRequest request, CancellationToken cancellationToken) =>
        MultipartForm.ReadFileAsync(request, "fichier", PieceJointe.TailleMax, TropVolumineux,
            "Joignez le fichier dans une partie nommée « fichier ».", cancellationToken);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            const string Portfolio = "/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}";
            app.MapPost($"{Portfolio}/fiches/{{parentId:guid}}/pieces-jointes", (Guid periodeId, Guid apprenantId, Guid parentId, HttpRequest request, IMediator mediator,
                    CancellationToken ct) => JoindreAsync(periodeId, apprenantId, parentId, false, request, mediator, ct))
                .Accepts<IFormFile>("multipart/form-data")
                .WithSummary("Joindre une photo ou un document à une fiche en brouillon (l'apprenant ; 10 Mo au plus ; PDF, images, documents Office ou LibreOffice, texte)");
            app.MapPost($"{Portfolio}/journal/{{parentId:guid}}/pieces-jointes", (Guid periodeId, Guid apprenantId, Guid parentId, HttpRequest request, IMediator mediator,
                    CancellationToken ct) => JoindreAsync(periodeId, apprenantId, parentId, true, request, mediator, ct))
                .Accepts<IFormFile>("multipart/form-data")
                .WithSummary("Joindre une photo ou un document à une entrée du journal de bord (l'apprenant ; mêmes règles que les fiches)");
        }

        private static async Task<Created<PieceJointeDto>> JoindreAsync(Guid periodeId, Guid apprenantId, Guid parentId, bool journal, HttpRequest request,
            IMediator mediator, CancellationToken ct)
        {
            await mediator.Send(new Autorisation(periodeId, apprenantId, parentId, journal), ct);
            var (nom, contenu) = await LireAsync(request, ct);
            var piece = await mediator.Send(new Command(periodeId, apprenantId, parentId, journal, nom, contenu), ct);
            return TypedResults.Created($"/api/portfolio/periodes/{periodeId}/apprenants/{apprenantId}/pieces-jointes/{piece.Id}", piece);
        }
    }
}
