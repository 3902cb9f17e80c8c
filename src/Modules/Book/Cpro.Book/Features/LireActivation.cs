using Carter;
using Cpro.Book.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>Whether the book is on for the establishment, and for which divisions: what the DDFTP and the head set.</summary>
internal static class LireActivation
{
    internal sealed record Query : IQuery<ActivationDto>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, ActivationDto>
    {
        public async ValueTask<ActivationDto> Handle(Query query, CancellationToken cancellationToken)
        {
            Verifier(user);
            return ActivationDto.De(await AccesBook.ActivationAsync(session, cancellationToken));
        }
    }

    /// <summary>The DDFTP's or the head's establishment, else 403.</summary>
    public static Guid Verifier(ICurrentUser user)
    {
        var etablissement = AccesBook.Etablissement(user);
        return AccesBook.Direction(user)
            ? etablissement
            : throw new InterditException("Seuls le DDFTP et le chef d'établissement activent le book.");
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/activation", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
                .WithSummary("L'activation du book pour l'établissement et ses divisions (DDFTP, chef d'établissement)");
    }
}
