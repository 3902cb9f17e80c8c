using Carter;
using Cpro.Bilans.Domain;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Bilans.Features;

/// <summary>A teacher of the division finalises a draft: the computed levels and their evidence are taken one last time and
/// frozen with the teacher's levels, who and when. Later evaluations never change it; the learner and their tutor read it
/// from then on.</summary>
internal static class FinaliserBilan
{
    internal sealed record Command(Guid Id, int Version) : ICommand<BilanDto>;

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, BilanDto>
    {
        public async ValueTask<BilanDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (bilan, acces) = await AccesBilans.BilanAsync(session, mediator, user, command.Id, cancellationToken);
            acces.Enseignant();
            bilan.VerifierVersion(command.Version);
            bilan.VerifierBrouillon();
            await Preuves.ActualiserAsync(mediator, acces.Etablissement, bilan, cancellationToken);
            var maintenant = clock.GetUtcNow();
            bilan.FinaliseLe = maintenant;
            bilan.FinalisePar = acces.Nom;
            bilan.Historique.Add(new EtapeBilan { Action = "Finalisé", Par = acces.Nom, Le = maintenant });
            bilan.ModifieLe = maintenant;
            bilan.ModifiePar = acces.Nom;
            session.StoreRevision(bilan, command.Version);
            return BilanDto.De(bilan, $"{acces.Apprenant.Prenom} {acces.Apprenant.Nom}", acces);
        }
    }

    internal sealed record Corps(int Version);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/{id:guid}/finalisation", async (Guid id, HttpRequest request, IQuerySession session, ICurrentUser user, IMediator mediator,
                    CancellationToken ct) =>
                {
                    (await AccesBilans.BilanAsync(session, mediator, user, id, ct)).Acces.Enseignant();
                    var corps = await CorpsJson.LireAsync<Corps>(request, ct);
                    return TypedResults.Ok(await mediator.Send(new Command(id, corps.Version), ct));
                })
                .Accepts<Corps>("application/json")
                .WithSummary("Finaliser un bilan (enseignant de la division) : ses niveaux et leurs preuves sont figés");
    }
}
