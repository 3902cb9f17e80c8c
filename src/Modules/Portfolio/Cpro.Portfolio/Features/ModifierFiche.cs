using Carter;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Portfolio.Domain;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>The learner edits a fiche still in draft, from the version they read (409 naming who saved since, e.g. from
/// another device).</summary>
internal static class ModifierFiche
{
    internal sealed record Command(Guid PeriodeId, Guid ApprenantId, Guid FicheId, int Version, string? Titre, DateOnly? Debut, DateOnly? Fin, string? Contexte,
        string? Realisation, IReadOnlyList<string>? Taches) : ICommand<FicheDto>, IContenuFiche;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => ContenuFiche.Regles(this);
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, FicheDto>
    {
        public async ValueTask<FicheDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var suivi = await AccesPortfolio.VerifierAsync(mediator, user, command.PeriodeId, command.ApprenantId, cancellationToken);
            suivi.Apprenant();
            var fiche = await AccesPortfolio.FicheAsync(session, suivi, command.FicheId, cancellationToken);
            ContenuFiche.VerifierModifiable(fiche, command.Version);
            ContenuFiche.Appliquer(fiche, command, suivi);
            fiche.ModifieLe = clock.GetUtcNow();
            fiche.ModifiePar = suivi.Nom;
            session.StoreRevision(fiche, command.Version);
            var pieces = await PieceJointe.DeAsync(session, [fiche.Id], cancellationToken);
            return FicheDto.De(fiche, pieces[fiche.Id]);
        }
    }

    internal sealed record Corps(int Version, string? Titre, DateOnly? Debut, DateOnly? Fin, string? Contexte, string? Realisation, IReadOnlyList<string>? Taches);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/fiches/{ficheId:guid}", async (Guid periodeId, Guid apprenantId, Guid ficheId,
                    Corps corps, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(periodeId, apprenantId, ficheId, corps.Version, corps.Titre, corps.Debut, corps.Fin, corps.Contexte,
                        corps.Realisation, corps.Taches), ct)))
                .WithSummary("Modifier une fiche activité en brouillon (l'apprenant ; version : celle lue, sinon 409)");
    }
}
