using Carter;
using Cpro.Etablissements.Courriels;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;

namespace Cpro.Etablissements.Features;

/// <summary>A forgotten password: a new temporary one, sent by email when the account has an address, and in any case
/// listed with the access codes to hand out. The account is unlocked; its open sessions and tokens end.</summary>
internal static class ReinitialiserMotDePasse
{
    internal sealed record Command(string Uai, Guid Id) : ICommand<Resultat>;

    internal sealed record Resultat(string Login, bool CourrielEnvoye);

    internal sealed class Handler(UnitOfWork unitOfWork, IDocumentSession session, ICurrentUser user, Comptes comptes, BoiteEnvoi boite, IConfiguration configuration,
        IMemoryCache cache) : ICommandHandler<Command, Resultat>
    {
        public async ValueTask<Resultat> Handle(Command command, CancellationToken cancellationToken)
        {
            var etablissement = await GestionComptes.EtablissementAsync(session, user, command.Uai, cancellationToken);
            var utilisateur = await GestionComptes.UtilisateurAsync(session, etablissement, command.Id, cancellationToken);
            var lue = utilisateur.Version;
            var code = await comptes.RenouvelerCodeAsync(etablissement.Id, utilisateur, cancellationToken);
            var courriel = !string.IsNullOrEmpty(utilisateur.Email) && etablissement.PeutCreerUtilisateurs;
            if (courriel)
            {
                GestionComptes.EnvoyerIdentifiants(boite, configuration, etablissement, utilisateur, code, nouveau: false);
            }
            GestionComptes.Enregistrer(session, etablissement, utilisateur, lue);
            unitOfWork.OnCommitted(() => ComptesActifs.Oublier(cache, utilisateur.Id));
            return new Resultat(utilisateur.Identifiants.Login, courriel);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/{uai}/utilisateurs/{id:guid}/mot-de-passe-provisoire", async (string uai, Guid id, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(uai, id), ct)))
                .WithSummary("Réinitialiser le mot de passe d'un compte (mot de passe provisoire)");
    }
}
