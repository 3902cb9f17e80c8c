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

namespace Cpro.Etablissements.Features;

internal sealed record PreferencesDto(bool Notifications);

/// <summary>Each person of an establishment reads and chooses their own preferences: today, whether the daily email of
/// what happened on the portfolios they follow reaches them (other modules ask through
/// <c>ListerDestinatairesNotifications</c>). Only their own account: no id in the route, nothing to guess.</summary>
internal static class ChoisirPreferences
{
    internal sealed record Query : IQuery<PreferencesDto>;

    internal sealed record Command(bool Notifications) : ICommand<PreferencesDto>;

    private static async Task<Utilisateur> CompteAsync(IQuerySession session, ICurrentUser user, CancellationToken cancellationToken) =>
        user is { UserId: { } id, EtablissementId: not null }
            ? await session.LoadAsync<Utilisateur>(id, cancellationToken) ?? throw new IntrouvableException("Compte introuvable.")
            : throw new InterditException("Les préférences sont celles d'un compte d'établissement.");

    internal sealed class QueryHandler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, PreferencesDto>
    {
        public async ValueTask<PreferencesDto> Handle(Query query, CancellationToken cancellationToken) =>
            new(!(await CompteAsync(session, user, cancellationToken)).SansNotifications);
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user) : ICommandHandler<Command, PreferencesDto>
    {
        public async ValueTask<PreferencesDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var compte = await CompteAsync(session, user, cancellationToken);
            compte.SansNotifications = !command.Notifications;
            session.StoreRevision(compte, compte.Version);
            return new PreferencesDto(command.Notifications);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapGet("/moi/preferences", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
                .WithSummary("Lire ses préférences (courriel quotidien des notifications)");
            app.MapPut("/moi/preferences", async (PreferencesDto corps, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(corps.Notifications), ct)))
                .WithSummary("Choisir ses préférences : recevoir ou non le courriel quotidien des notifications");
        }
    }
}
