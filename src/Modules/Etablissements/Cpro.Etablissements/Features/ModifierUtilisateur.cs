using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Etablissements.Features;

/// <summary>The administrator corrects an account: identity, email, profiles. The login never changes.
/// Edits from a stale copy get 409, so nobody silently overwrites another's change.</summary>
internal static class ModifierUtilisateur
{
    internal sealed record Command(string Uai, Guid Id, string? Civilite, string Nom, string Prenom, DateOnly? DateNaissance, string? Email,
        IReadOnlyList<string> Profils, int Version) : ICommand<GestionComptes.UtilisateurDto>;

    /// <summary>The account as it stands, with the version to send back.</summary>
    internal sealed record Query(string Uai, Guid Id) : IQuery<GestionComptes.UtilisateurDto>;

    internal sealed class QueryHandler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, GestionComptes.UtilisateurDto>
    {
        public async ValueTask<GestionComptes.UtilisateurDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = await GestionComptes.EtablissementAsync(session, user, query.Uai, cancellationToken);
            return GestionComptes.UtilisateurDto.From(await GestionComptes.UtilisateurAsync(session, etablissement, query.Id, cancellationToken));
        }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            GestionComptes.Identite(this, c => c.Civilite, c => c.Nom, c => c.Prenom, c => c.DateNaissance, c => c.Email, emailObligatoire: false, clock);
            RuleFor(c => c.Profils).NotEmpty().WithMessage("Choisissez au moins un profil.")
                .Must(p => p.All(Kernel.Identity.Profils.Etablissement.Contains))
                .When(c => c.Profils is { Count: > 0 }, ApplyConditionTo.CurrentValidator)
                .WithMessage($"Chaque profil est choisi parmi : {string.Join(", ", Kernel.Identity.Profils.Etablissement.Select(Kernel.Identity.Profils.Libelle))}.");
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user) : ICommandHandler<Command, GestionComptes.UtilisateurDto>
    {
        public async ValueTask<GestionComptes.UtilisateurDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var etablissement = await GestionComptes.EtablissementAsync(session, user, command.Uai, cancellationToken);
            var utilisateur = await GestionComptes.UtilisateurAsync(session, etablissement, command.Id, cancellationToken);
            GestionComptes.VerifierVersion(utilisateur, command.Version);
            if (utilisateur.Id == user.UserId && !command.Profils.Contains(Profils.Administrateur))
            {
                throw new NonTraitableException("Vous ne pouvez pas retirer votre propre profil d'administrateur : demandez-le à un autre administrateur.");
            }
            utilisateur.Civilite = command.Civilite;
            utilisateur.Nom = command.Nom.Trim();
            utilisateur.Prenom = command.Prenom.Trim();
            utilisateur.DateNaissance = command.DateNaissance;
            utilisateur.Email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim();
            utilisateur.Profils = [.. command.Profils.Distinct()];
            GestionComptes.Enregistrer(session, etablissement, utilisateur, command.Version);
            return GestionComptes.UtilisateurDto.From(utilisateur);
        }
    }

    internal sealed record Corps(string? Civilite, string Nom, string Prenom, DateOnly? DateNaissance, string? Email, IReadOnlyList<string> Profils, int Version);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapGet("/{uai}/utilisateurs/{id:guid}", async (string uai, Guid id, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(uai, id), ct)))
                .WithSummary("Lire un compte");
            app.MapPut("/{uai}/utilisateurs/{id:guid}", async (string uai, Guid id, Corps corps, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(uai, id, corps.Civilite, corps.Nom, corps.Prenom, corps.DateNaissance, corps.Email,
                        corps.Profils ?? [], corps.Version), ct)))
                .WithSummary("Modifier un compte (version : celle lue, sinon 409)");
        }
    }
}
