using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Referentiels.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Referentiels.Features;

/// <summary>Ends the current establishment's subscription to a diploma. What other modules recorded against it stays.</summary>
internal static class Desabonner
{
    internal sealed record Command(string Code) : ICommand;

    internal sealed class Handler(IDocumentSession session, ICurrentUser user) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesReferentiels.EtablissementGestionnaire(user);
            var code = AccesReferentiels.Normaliser(command.Code);
            if (!await session.Query<Abonnement>().AnyAsync(a => a.ReferentielCode == code, cancellationToken))
            {
                throw new IntrouvableException($"L'établissement n'est pas abonné à {code}.");
            }
            session.Delete<Abonnement>(code);
            return Unit.Value;
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapDelete("/abonnements/{code}", async (string code, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new Command(code), ct);
                    return TypedResults.NoContent();
                })
                .WithSummary("Désabonner l'établissement d'un diplôme (les données des autres modules sont conservées)");
    }
}
