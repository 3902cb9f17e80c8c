using Carter;
using Cpro.Bilans.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Bilans.Features;

/// <summary>The DDFTP reopens a finalised bilan, saying why (recorded in its history): it is a draft again, for the
/// teachers only, and follows the evidence until it is finalised again.</summary>
internal static class RouvrirBilan
{
    internal sealed record Command(Guid Id, int Version, string? Motif) : ICommand<BilanDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Motif).Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("Dites pourquoi le bilan est rouvert.")
                .MaximumLength(1000).WithMessage("Le motif compte 1 000 caractères au plus.");
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, BilanDto>
    {
        public async ValueTask<BilanDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (bilan, acces) = await AccesBilans.BilanAsync(session, mediator, user, command.Id, cancellationToken);
            acces.Ddftp();
            bilan.VerifierVersion(command.Version);
            if (!bilan.Finalise)
            {
                throw new ConflitException("Le bilan n'est pas finalisé : il est déjà modifiable.");
            }
            var maintenant = clock.GetUtcNow();
            bilan.FinaliseLe = null;
            bilan.FinalisePar = null;
            bilan.Historique.Add(new EtapeBilan { Action = "Rouvert", Par = acces.Nom, Le = maintenant, Motif = command.Motif!.Trim() });
            bilan.ModifieLe = maintenant;
            bilan.ModifiePar = acces.Nom;
            session.StoreRevision(bilan, command.Version);
            return BilanDto.De(bilan, $"{acces.Apprenant.Prenom} {acces.Apprenant.Nom}", acces);
        }
    }

    internal sealed record Corps(int Version, string? Motif);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/{id:guid}/reouverture", async (Guid id, HttpRequest request, IQuerySession session, ICurrentUser user, IMediator mediator,
                    CancellationToken ct) =>
                {
                    (await AccesBilans.BilanAsync(session, mediator, user, id, ct)).Acces.Ddftp();
                    var corps = await CorpsJson.LireAsync<Corps>(request, ct);
                    return TypedResults.Ok(await mediator.Send(new Command(id, corps.Version, corps.Motif), ct));
                })
                .Accepts<Corps>("application/json")
                .WithSummary("Rouvrir un bilan finalisé (DDFTP), avec son motif, consigné dans l'historique");
    }
}
