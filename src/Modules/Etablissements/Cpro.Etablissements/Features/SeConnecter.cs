using System.Security.Claims;
using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Etablissements.Features;

/// <summary>Checks a login and password; the portal turns the principal into a cookie, the API into a bearer token.
/// Repeated failures lock the account for a while.</summary>
internal static class SeConnecter
{
    public const string AuthenticationType = "cpro";
    public const string IdentifiantsIncorrects = "Identifiant ou mot de passe incorrect.";

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

    internal sealed class Handler(EtablissementsDbContext db, IPasswordHasher<Identifiants> hasher, TimeProvider clock)
        : ICommandHandler<Command, Resultat>
    {
        public async ValueTask<Resultat> Handle(Command command, CancellationToken cancellationToken)
        {
            var login = Identifiants.NormalizeLogin(command.Login);
            var now = clock.GetUtcNow();
            var admin = await db.AdministrateursPlateforme.SingleOrDefaultAsync(a => a.Identifiants.Login == login, cancellationToken);
            if (admin is not null)
            {
                return await VerifierAsync(admin.Identifiants, command.Password, now, () => CproClaims.Principal(
                    admin.Id, login, "Administrateur de la plateforme", null, null, [Profils.AdministrateurPlateforme], AuthenticationType), cancellationToken);
            }
            // Signing in comes before any establishment is known: explicitly across the filter.
            var utilisateur = await db.Utilisateurs.IgnoreQueryFilters()
                .SingleOrDefaultAsync(u => u.Identifiants.Login == login, cancellationToken);
            if (utilisateur is null)
            {
                return new Resultat(null, IdentifiantsIncorrects);
            }
            if (!utilisateur.Actif)
            {
                return new Resultat(null, "Ce compte est désactivé : adressez-vous à l'administrateur de votre établissement.");
            }
            var uai = await db.Etablissements.Where(e => e.Id == utilisateur.EtablissementId).Select(e => e.Uai).SingleAsync(cancellationToken);
            return await VerifierAsync(utilisateur.Identifiants, command.Password, now, () => CproClaims.Principal(
                utilisateur.Id, login, utilisateur.NomComplet, utilisateur.EtablissementId, uai, utilisateur.Profils, AuthenticationType), cancellationToken);
        }

        private async Task<Resultat> VerifierAsync(Identifiants identifiants, string password, DateTimeOffset now,
            Func<ClaimsPrincipal> principal, CancellationToken cancellationToken)
        {
            if (identifiants.EstVerrouille(now))
            {
                return new Resultat(null, "Compte verrouillé après plusieurs échecs : réessayez dans quelques minutes.");
            }
            var verification = identifiants.MotDePasseHash.StartsWith(Comptes.PrefixeCode, StringComparison.Ordinal)
                ? (Comptes.VerifierCode(identifiants.MotDePasseHash, password) ? PasswordVerificationResult.Success : PasswordVerificationResult.Failed)
                : hasher.VerifyHashedPassword(identifiants, identifiants.MotDePasseHash, password);
            if (verification == PasswordVerificationResult.Failed)
            {
                identifiants.EnregistrerEchec(now);
                await db.SaveChangesAsync(cancellationToken);
                return new Resultat(null, IdentifiantsIncorrects);
            }
            if (verification == PasswordVerificationResult.SuccessRehashNeeded)
            {
                identifiants.MotDePasseHash = hasher.HashPassword(identifiants, password);
            }
            identifiants.EnregistrerSucces();
            await db.SaveChangesAsync(cancellationToken);
            return new Resultat(principal(), null);
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
