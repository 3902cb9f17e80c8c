using Carter;
using Cpro.Etablissements.Domain;
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
/// The current password is checked like a sign-in (failures count towards the lockout). Every session and token opened
/// before ends: the portal signs the browser that made the change in again, an API client asks for a new token.</summary>
internal static class ChangerMotDePasse
{
    internal sealed record Command(string Login, string MotDePasseActuel, string NouveauMotDePasse) : ICommand<SeConnecter.Resultat>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Login).NotEmpty().WithMessage("L'identifiant est obligatoire.");
            RuleFor(c => c.MotDePasseActuel).NotEmpty().WithMessage("Le mot de passe actuel est obligatoire.");
            RuleFor(c => c.NouveauMotDePasse).NotEmpty().WithMessage("Le nouveau mot de passe est obligatoire.")
                .MinimumLength(Connexions.LongueurMin).WithMessage($"Le nouveau mot de passe doit comporter au moins {Connexions.LongueurMin} caractères.")
                .MaximumLength(200).WithMessage("Le nouveau mot de passe ne doit pas dépasser 200 caractères.")
                .NotEqual(c => c.MotDePasseActuel).WithMessage("Le nouveau mot de passe doit être différent de l'actuel.")
                .Must((c, m) => m is null || !m.Contains(c.Login.Trim(), StringComparison.OrdinalIgnoreCase))
                .When(c => !string.IsNullOrWhiteSpace(c.Login), ApplyConditionTo.CurrentValidator)
                .WithMessage("Le nouveau mot de passe ne doit pas contenir votre identifiant.");
        }
    }

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
            connexions.DefinirMotDePasse(compte.Identifiants, command.NouveauMotDePasse);
            // The temporary code is no longer to be handed out.
            compte.Utilisateur?.CodeProvisoire = null;
            compte.Enregistrer(session);
            unitOfWork.OnCommitted(() => ComptesActifs.Oublier(cache, compte.Id));
            return new SeConnecter.Resultat(compte.Principal(), null);
        }
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
