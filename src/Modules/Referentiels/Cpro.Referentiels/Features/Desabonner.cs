using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Referentiels.Features;

/// <summary>Ends the current establishment's subscription to a diploma. What other modules recorded against it stays.</summary>
internal static class Desabonner
{
    internal sealed record Command(string Code) : ICommand;

    internal sealed class Handler(ReferentielsDbContext db, ICurrentUser user) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesReferentiels.EtablissementGestionnaire(user);
            var code = AccesReferentiels.Normaliser(command.Code);
            if (await db.Abonnements.Where(a => a.ReferentielCode == code).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                throw new IntrouvableException($"L'établissement n'est pas abonné à {code}.");
            }
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
