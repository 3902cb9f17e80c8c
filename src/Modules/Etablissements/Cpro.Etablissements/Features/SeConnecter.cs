using System.Security.Claims;
using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Modules;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Etablissements.Features;

/// <summary>Checks a login and password; the portal turns the principal into a cookie, the API into a bearer token.
/// Repeated failures lock the account for a while.</summary>
internal static class SeConnecter
{
    internal sealed record Command(string Login, string Password) : ICommand<Resultat>;

    /// <summary>A failure is a result, not an exception: its failed-attempt count must be saved.</summary>
    internal sealed record Resultat(ClaimsPrincipal? Principal, string? Erreur);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Login).NotEmpty().WithMessage("L'identifiant est obligatoire.");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Le mot de passe est obligatoire.");
        }
    }

    internal sealed class Handler(Connexions connexions, IDocumentSession session) : ICommandHandler<Command, Resultat>
    {
        public async ValueTask<Resultat> Handle(Command command, CancellationToken cancellationToken)
        {
            var (compte, erreur) = await connexions.VerifierAsync(command.Login, command.Password, cancellationToken);
            compte?.Enregistrer(session);
            return new Resultat(compte?.Principal(), erreur);
        }
    }

    [RootRoutes]
    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/auth/token", async (Command command, IMediator mediator, CancellationToken ct) =>
                {
                    var resultat = await mediator.Send(command, ct);
                    return resultat.Principal is { } principal
                        ? Results.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme)
                        : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentification refusée", detail: resultat.Erreur);
                })
                .AllowAnonymous()
                .WithTags("Authentification")
                .WithSummary("Obtenir un jeton d'accès (bearer) avec un identifiant et un mot de passe");
    }
}
