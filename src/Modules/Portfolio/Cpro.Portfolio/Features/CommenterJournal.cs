using Carter;
using Cpro.Kernel.Identity;
using Cpro.Portfolio.Domain;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>The tutor or maître d'apprentissage, or a referent, comments a journal entry; the comment joins its thread,
/// signed with its author's part.</summary>
internal static class CommenterJournal
{
    internal sealed record Command(Guid PeriodeId, Guid ApprenantId, Guid EntreeId, string? Texte) : ICommand<CommentaireDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Texte).NotEmpty().WithMessage("Le commentaire est vide.")
            .MaximumLength(2000).WithMessage("Un commentaire compte 2 000 caractères au plus.");
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, CommentaireDto>
    {
        public async ValueTask<CommentaireDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var suivi = await AccesPortfolio.VerifierAsync(mediator, user, command.PeriodeId, command.ApprenantId, cancellationToken);
            suivi.Encadre();
            var entree = await AccesPortfolio.EntreeAsync(session, suivi, command.EntreeId, cancellationToken);
            var commentaire = new CommentaireJournal
            {
                Id = Guid.NewGuid(),
                EntreeId = entree.Id, PeriodeId = entree.PeriodeId, ApprenantId = entree.ApprenantId, AuteurId = suivi.Moi, AuteurNom = suivi.Nom,
                Qualite = suivi.Qualite, Texte = command.Texte!.Trim(), Le = clock.GetUtcNow(),
            };
            session.Insert(commentaire);
            return new CommentaireDto(commentaire.Id, commentaire.AuteurNom, commentaire.Qualite, commentaire.Texte, commentaire.Le);
        }
    }

    internal sealed record Corps(string? Texte);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/journal/{entreeId:guid}/commentaires", async (Guid periodeId, Guid apprenantId,
                    Guid entreeId, Corps corps, IMediator mediator, CancellationToken ct) =>
                {
                    var commentaire = await mediator.Send(new Command(periodeId, apprenantId, entreeId, corps.Texte), ct);
                    return TypedResults.Created($"/api/portfolio/periodes/{periodeId}/apprenants/{apprenantId}/journal", commentaire);
                })
                .WithSummary("Commenter une entrée du journal de bord (tuteur ou maître d'apprentissage, professeur référent)");
    }
}
