using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using FluentValidation;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;

namespace Cpro.Etablissements.Features;

/// <summary>A user chooses their password: required at the first sign-in with a temporary one, possible at any time.
/// The current password is checked like a sign-in (failures count towards the lockout), except in the portal right after
/// a sign-in with the temporary one, which proved it (<see cref="Provisoire"/>). Every session and token opened
/// before ends: the portal signs the browser that made the change in again, an API client asks for a new token.</summary>
internal static class ChangerMotDePasse
{
    internal sealed record Command(string Login, string MotDePasseActuel, string NouveauMotDePasse) : ICommand<SeConnecter.Resultat>;

    /// <summary>The portal's session signed in with a temporary password chooses its password.</summary>
    internal sealed record Provisoire(string Login, string NouveauMotDePasse) : ICommand<SeConnecter.Resultat>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Login).NotEmpty().WithMessage("L'identifiant est obligatoire.");
            RuleFor(c => c.MotDePasseActuel).NotEmpty().WithMessage("Le mot de passe actuel est obligatoire.");
            Nouveau(this, c => c.Login, c => c.NouveauMotDePasse);
            RuleFor(c => c.NouveauMotDePasse).NotEqual(c => c.MotDePasseActuel).WithMessage("Le nouveau mot de passe doit être différent de l'actuel.");
        }
    }

    internal sealed class ProvisoireValidator : AbstractValidator<Provisoire>
    {
        public ProvisoireValidator() => Nouveau(this, c => c.Login, c => c.NouveauMotDePasse);
    }

    private static void Nouveau<T>(AbstractValidator<T> validateur, Func<T, string> login, System.Linq.Expressions.Expression<Func<T, string>> nouveau) =>
        validateur.RuleFor(nouveau).NotEmpty().WithMessage("Le nouveau mot de passe est obligatoire.")
            .MinimumLength(Connexions.LongueurMin).WithMessage($"Le nouveau mot de passe doit comporter au moins {Connexions.LongueurMin} caractères.")
            .MaximumLength(200).WithMessage("Le nouveau mot de passe ne doit pas dépasser 200 caractères.")
            .Must((c, m) => m is null || !m.Contains(login(c).Trim(), StringComparison.OrdinalIgnoreCase))
            .When(c => !string.IsNullOrWhiteSpace(login(c)), ApplyConditionTo.CurrentValidator)
            .WithMessage("Le nouveau mot de passe ne doit pas contenir votre identifiant.");

    /// <summary>On success, the principal to sign in again with (the new security stamp, no longer marked as holding a
    /// temporary password).</summary>
    internal sealed class Handler(UnitOfWork unitOfWork, IDocumentSession session, Connexions connexions, IMemoryCache cache) : ICommandHandler<Command, SeConnecter.Resultat>
    {
        public async ValueTask<SeConnecter.Resultat> Handle(Command command, CancellationToken cancellationToken)
        {
            var (compte, erreur) = await connexions.VerifierAsync(command.Login, command.MotDePasseActuel, cancellationToken);
            if (compte is null)
            {
                return new SeConnecter.Resultat(null, erreur);
            }
            return Definir(compte, command.NouveauMotDePasse, unitOfWork, session, connexions, cache);
        }
    }

    internal sealed class ProvisoireHandler(UnitOfWork unitOfWork, IDocumentSession session, Connexions connexions, IMemoryCache cache, ICurrentUser user)
        : ICommandHandler<Provisoire, SeConnecter.Resultat>
    {
        public async ValueTask<SeConnecter.Resultat> Handle(Provisoire command, CancellationToken cancellationToken)
        {
            var compte = await connexions.CompteProvisoireAsync(user, cancellationToken)
                         ?? throw new InterditException("Votre mot de passe provisoire a déjà été remplacé : indiquez votre mot de passe actuel.");
            if (compte.Identifiants.MotDePasseHash.StartsWith(Comptes.PrefixeCode, StringComparison.Ordinal)
                && Comptes.VerifierCode(compte.Identifiants.MotDePasseHash, command.NouveauMotDePasse))
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("nouveauMotDePasse", "Le nouveau mot de passe doit être différent de l'actuel.")]);
            }
            return Definir(compte, command.NouveauMotDePasse, unitOfWork, session, connexions, cache);
        }
    }

    private static SeConnecter.Resultat Definir(Connexions.Compte compte, string nouveau, UnitOfWork unitOfWork, IDocumentSession session,
        Connexions connexions, IMemoryCache cache)
    {
        connexions.DefinirMotDePasse(compte.Identifiants, nouveau);
        // The temporary code is no longer to be handed out.
        compte.Utilisateur?.CodeProvisoire = null;
        compte.Enregistrer(session);
        unitOfWork.OnCommitted(() => ComptesActifs.Oublier(cache, compte.Id));
        return new SeConnecter.Resultat(compte.Principal(), null);
    }

    internal sealed record Corps(string Login, string MotDePasseActuel, string NouveauMotDePasse);

    [RootRoutes]
    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/auth/mot-de-passe", async (Corps corps, IMediator mediator, CancellationToken ct) =>
                {
                    var resultat = await mediator.Send(new Command(corps.Login ?? "", corps.MotDePasseActuel ?? "", corps.NouveauMotDePasse ?? ""), ct);
                    return resultat.Principal is null
                        ? Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentification refusée", detail: resultat.Erreur)
                        : Results.NoContent();
                })
                .AllowAnonymous()
                .WithTags("Authentification")
                .WithSummary("Changer son mot de passe (obligatoire après un mot de passe provisoire)");
    }
}
