using Carter;
using Cpro.Book.Domain;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>A teacher of the learner's division or a referent of their company periods comments a réussite; the learner
/// reads the comments under the page. Nobody but the learner touches the page itself.</summary>
internal static class CommenterReussite
{
    internal sealed record Command(Guid ReussiteId, string? Texte) : ICommand<CommentaireDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Texte).NotEmpty().WithMessage("Le commentaire est vide.").MaximumLength(2000).WithMessage("Le commentaire compte 2 000 caractères au plus.");
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, CommentaireDto>
    {
        public async ValueTask<CommentaireDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (lecteur, reussite) = await LireReussite.TrouverAsync(session, mediator, user, command.ReussiteId, cancellationToken);
            lecteur.Commenter();
            var commentaire = new CommentaireReussite
            {
                ReussiteId = reussite.Id, ApprenantId = reussite.ApprenantId, AuteurId = lecteur.Moi, AuteurNom = lecteur.Nom, Texte = command.Texte!.Trim(),
                Le = clock.GetUtcNow(),
            };
            session.Insert(commentaire);
            return CommentaireDto.De(commentaire);
        }
    }

    internal sealed record Corps(string? Texte);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/reussites/{reussiteId:guid}/commentaires", async (Guid reussiteId, HttpRequest request, IQuerySession session, ICurrentUser user,
                    IMediator mediator, CancellationToken ct) =>
                {
                    // Rights before the body is read.
                    (await LireReussite.TrouverAsync(session, mediator, user, reussiteId, ct)).Lecteur.Commenter();
                    var corps = await CorpsJson.LireAsync<Corps>(request, ct);
                    var commentaire = await mediator.Send(new Command(reussiteId, corps.Texte), ct);
                    return TypedResults.Created($"/api/book/reussites/{reussiteId}", commentaire);
                })
                .Accepts<Corps>("application/json")
                .WithSummary("Commenter une réussite (ses professeurs et professeurs référents)");
    }
}
