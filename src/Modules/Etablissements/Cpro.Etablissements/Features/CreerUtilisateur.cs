using Carter;
using Cpro.Etablissements.Courriels;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Cpro.Etablissements.Features;

/// <summary>The administrator creates an account by hand (a tutor, an inspector, a teacher missing from STS-web…):
/// a login « prenom.nom » made unique, a temporary password sent by email, to be changed at first sign-in.</summary>
internal static class CreerUtilisateur
{
    internal sealed record Command(string Uai, string? Civilite, string Nom, string Prenom, DateOnly? DateNaissance, string Email, string Profil)
        : ICommand<GestionComptes.UtilisateurDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            GestionComptes.Identite(this, c => c.Civilite, c => c.Nom, c => c.Prenom, c => c.DateNaissance, c => c.Email, emailObligatoire: true, clock);
            RuleFor(c => c.Profil).Must(p => Profils.Etablissement.Contains(p))
                .WithMessage($"Choisissez le profil : {string.Join(", ", Profils.Etablissement.Select(Profils.Libelle))}.");
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, Comptes comptes, BoiteEnvoi boite, IConfiguration configuration,
        TimeProvider clock) : ICommandHandler<Command, GestionComptes.UtilisateurDto>
    {
        public async ValueTask<GestionComptes.UtilisateurDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var etablissement = await GestionComptes.EtablissementAsync(session, user, command.Uai, cancellationToken);
            if (!etablissement.PeutCreerUtilisateurs)
            {
                throw new NonTraitableException("Renseignez d'abord le nom et l'adresse électronique de l'établissement dans ses paramètres.");
            }
            var nom = command.Nom.Trim();
            var prenom = command.Prenom.Trim();
            var (utilisateur, code) = (await comptes.CreerAsync(etablissement.Id, [(prenom, nom, command.Profil, Utilisateur.SourceManuel)],
                clock.GetUtcNow(), cancellationToken))[0];
            utilisateur.Civilite = command.Civilite;
            utilisateur.DateNaissance = command.DateNaissance;
            utilisateur.Email = command.Email.Trim();
            // Logins are chosen under the accounts' lock, held until this command commits: no other can take this one.
            session.PourEtablissement(etablissement.Id).Insert(utilisateur);
            GestionComptes.EnvoyerIdentifiants(boite, configuration, etablissement, utilisateur, code, nouveau: true);
            return GestionComptes.UtilisateurDto.From(utilisateur);
        }
    }

    internal sealed record Corps(string? Civilite, string Nom, string Prenom, DateOnly? DateNaissance, string Email, string Profil);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/{uai}/utilisateurs", async (string uai, Corps corps, IMediator mediator, CancellationToken ct) =>
                {
                    var cree = await mediator.Send(new Command(uai, corps.Civilite, corps.Nom, corps.Prenom, corps.DateNaissance, corps.Email, corps.Profil), ct);
                    return TypedResults.Created($"/api/etablissements/{uai}/utilisateurs/{cree.Id}", cree);
                })
                .WithSummary("Créer un compte (identifiant et mot de passe provisoire envoyés par courriel)");
    }
}
