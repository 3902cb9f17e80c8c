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

/// <summary>The learner describes an activity of their company period, as a draft they may edit until they submit it.</summary>
internal static class CreerFiche
{
    internal sealed record Command(Guid PeriodeId, Guid ApprenantId, string? Titre, DateOnly? Debut, DateOnly? Fin, string? Contexte, string? Realisation,
        IReadOnlyList<string>? Taches) : ICommand<FicheDto>, IContenuFiche;

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
            var maintenant = clock.GetUtcNow();
            var fiche = new FicheActivite
            {
                Id = Guid.NewGuid(),
                PeriodeId = command.PeriodeId, ApprenantId = command.ApprenantId, Titre = "", CreeLe = maintenant, ModifieLe = maintenant, ModifiePar = suivi.Nom,
                Version = 1,
            };
            ContenuFiche.Appliquer(fiche, command, suivi);
            session.Insert(fiche);
            return FicheDto.De(fiche, []);
        }
    }

    internal sealed record Corps(string? Titre, DateOnly? Debut, DateOnly? Fin, string? Contexte, string? Realisation, IReadOnlyList<string>? Taches);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/periodes/{periodeId:guid}/apprenants/{apprenantId:guid}/fiches", async (Guid periodeId, Guid apprenantId, Corps corps, IMediator mediator,
                    CancellationToken ct) =>
                {
                    var fiche = await mediator.Send(new Command(periodeId, apprenantId, corps.Titre, corps.Debut, corps.Fin, corps.Contexte, corps.Realisation, corps.Taches), ct);
                    return TypedResults.Created($"/api/portfolio/periodes/{periodeId}/apprenants/{apprenantId}/fiches/{fiche.Id}", fiche);
                })
                .WithSummary("Rédiger une fiche activité (l'apprenant ; un brouillon jusqu'à sa soumission)");
    }
}
