using Carter;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Periodes.Features;

/// <summary>A teacher copies an annex of the team, for the same diploma and level, to adapt it.</summary>
internal static class DupliquerAnnexe
{
    internal sealed record Command(Guid Id) : ICommand<AnnexeDto>;

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, AnnexeDto>
    {
        public async ValueTask<AnnexeDto> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesPeriodes.Enseignant(user);
            var source = await ContenuAnnexe.TrouverAsync(session, command.Id, cancellationToken);
            await AccesPeriodes.ReferentielAbonneAsync(mediator, AccesPeriodes.Etablissement(user), source.Referentiel, cancellationToken);
            var titre = $"Copie de {source.Titre}";
            var maintenant = clock.GetUtcNow();
            var copie = new AnnexePedagogique
            {
                Referentiel = source.Referentiel,
                NiveauClasse = source.NiveauClasse,
                Titre = titre.Length > 200 ? titre[..200] : titre,
                PourApprentis = source.PourApprentis,
                Objectifs = source.Objectifs,
                Activites = [.. source.Activites],
                Taches = [.. source.Taches],
                AuteurId = user.UserId ?? Guid.Empty,
                AuteurNom = user.NomComplet ?? "",
                CreeLe = maintenant,
                ModifieLe = maintenant,
                // What Marten gives a new document when the command saves it.
                Version = 1,
            };
            session.Insert(copie);
            return AnnexeDto.De(copie);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/annexes/{id:guid}/duplication", async (Guid id, IMediator mediator, CancellationToken ct) =>
                {
                    var copie = await mediator.Send(new Command(id), ct);
                    return TypedResults.Created($"/api/periodes/annexes/{copie.Id}", copie);
                })
                .WithSummary("Dupliquer une annexe pédagogique (même diplôme, même niveau)");
    }
}
