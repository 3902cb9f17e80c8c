using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Siecle;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Etablissements.Features;

/// <summary>The establishment's learners, for its administrator, head and DDFTP.</summary>
internal static class ListerApprenants
{
    internal sealed record Query(string Uai) : IQuery<IReadOnlyList<ApprenantDto>>;

    internal sealed record ApprenantDto(Guid Id, string Nom, string Prenom, string? Ine, string? Division, string Statut, bool Actif);

    internal sealed class Handler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<ApprenantDto>>
    {
        public async ValueTask<IReadOnlyList<ApprenantDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            await LecturePersonnes.VerifierAsync(session, user, query.Uai, cancellationToken);
            // The session is the caller's establishment's, which the check above made sure is this one.
            return [.. (await session.Query<Apprenant>().OrderBy(a => a.Nom).ThenBy(a => a.Prenom).ToListAsync(cancellationToken))
                .Select(a => new ApprenantDto(a.Id, a.Nom, a.Prenom, a.Ine, a.Division, a.Statut, a.Actif))];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/{uai}/apprenants", async (string uai, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(uai), ct)))
                .WithSummary("Lister les apprenants de l'établissement");
    }
}
