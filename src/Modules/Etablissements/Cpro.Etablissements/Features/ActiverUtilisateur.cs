using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;

namespace Cpro.Etablissements.Features;

/// <summary>Deactivates an account (it can no longer sign in, and its open sessions end, for good: its security stamp is
/// renewed, so reactivating it opens none of them again; nothing of it is deleted) or reactivates it.</summary>
internal static class ActiverUtilisateur
{
    internal sealed record Command(string Uai, Guid Id, bool Actif) : ICommand<GestionComptes.UtilisateurDto>;

    internal sealed class Handler(UnitOfWork unitOfWork, IDocumentSession session, ICurrentUser user, IMemoryCache cache) : ICommandHandler<Command, GestionComptes.UtilisateurDto>
    {
        public async ValueTask<GestionComptes.UtilisateurDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var etablissement = await GestionComptes.EtablissementAsync(session, user, command.Uai, cancellationToken);
            var utilisateur = await GestionComptes.UtilisateurAsync(session, etablissement, command.Id, cancellationToken);
            var lue = utilisateur.Version;
            if (!command.Actif && utilisateur.Id == user.UserId)
            {
                throw new NonTraitableException("Vous ne pouvez pas désactiver votre propre compte.");
            }
            utilisateur.Actif = command.Actif;
            if (!command.Actif)
            {
                utilisateur.Identifiants.RenouvelerTampon();
            }
            GestionComptes.Enregistrer(session, etablissement, utilisateur, lue);
            unitOfWork.OnCommitted(() => ComptesActifs.Oublier(cache, utilisateur.Id));
            return GestionComptes.UtilisateurDto.From(utilisateur);
        }
    }

    internal sealed record Corps(bool Actif);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/{uai}/utilisateurs/{id:guid}/actif", async (string uai, Guid id, Corps corps, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(uai, id, corps.Actif), ct)))
                .WithSummary("Désactiver ({\"actif\":false}) ou réactiver un compte");
    }
}
