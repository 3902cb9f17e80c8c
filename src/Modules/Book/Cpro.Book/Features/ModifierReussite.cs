using Carter;
using Cpro.Book.Domain;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>The learner tells and illustrates a réussite (step 2) and ties it to competences (step 3), or hides it from the
/// export, from the version they read (409 if saved since, e.g. from another device).</summary>
internal static class ModifierReussite
{
    internal sealed record Command(Guid ReussiteId, int Version, string? Titre, string? Lieu, string? Contexte, DateOnly? Date, string? CeQueJaiFait,
        string? CeQueJaiAppris, IReadOnlyList<string>? Competences, bool? Masquee) : ICommand<ReussiteDto>, IContenuReussite;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => ContenuReussite.Regles(this, _ => true);
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, ReussiteDto>
    {
        public async ValueTask<ReussiteDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (lecteur, reussite) = await LireReussite.TrouverAsync(session, mediator, user, command.ReussiteId, cancellationToken);
            lecteur.Rediger();
            ContenuReussite.VerifierVersion(reussite, command.Version);
            var diplome = await Diplome.ParCodeAsync(mediator, reussite.Referentiel, cancellationToken);
            ContenuReussite.Appliquer(reussite, command, diplome,
                await ContenuReussite.NiveauxAsync(mediator, lecteur, reussite.Origine, reussite.SourceId, cancellationToken));
            reussite.Masquee = command.Masquee ?? reussite.Masquee;
            reussite.ModifieLe = clock.GetUtcNow();
            session.StoreRevision(reussite, command.Version);
            var medias = await MediaReussite.DeAsync(session, [reussite.Id], cancellationToken);
            var commentaires = await session.Query<CommentaireReussite>().Where(c => c.ReussiteId == reussite.Id).ToListAsync(cancellationToken);
            return ReussiteDto.De(reussite, diplome, medias[reussite.Id], commentaires);
        }
    }

    internal sealed record Corps(int Version, string? Titre, string? Lieu, string? Contexte, DateOnly? Date, string? CeQueJaiFait, string? CeQueJaiAppris,
        IReadOnlyList<string>? Competences, bool? Masquee);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/reussites/{reussiteId:guid}", async (Guid reussiteId, HttpRequest request, IQuerySession session, ICurrentUser user, IMediator mediator,
                    CancellationToken ct) =>
                {
                    // Rights before the body is read.
                    (await LireReussite.TrouverAsync(session, mediator, user, reussiteId, ct)).Lecteur.Rediger();
                    var c = await CorpsJson.LireAsync<Corps>(request, ct);
                    return TypedResults.Ok(await mediator.Send(new Command(reussiteId, c.Version, c.Titre, c.Lieu, c.Contexte, c.Date, c.CeQueJaiFait, c.CeQueJaiAppris,
                        c.Competences, c.Masquee), ct));
                })
                .Accepts<Corps>("application/json")
                .WithSummary("Modifier une réussite : récit, compétences, masquée à l'export (l'apprenant ; competences et masquee absents : inchangés ; version : celle lue, sinon 409)");
    }
}
