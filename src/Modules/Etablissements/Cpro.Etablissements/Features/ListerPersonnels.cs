using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Siecle;
using Cpro.Kernel.Identity;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Etablissements.Features;

/// <summary>The establishment's staff, for its administrator, head and DDFTP.</summary>
internal static class ListerPersonnels
{
    internal sealed record Query(string Uai) : IQuery<IReadOnlyList<PersonnelDto>>;

    internal sealed record PersonnelDto(Guid Id, string Nom, string Prenom, string? Fonction, IReadOnlyList<string> Disciplines, bool Actif);

    internal sealed class Handler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<PersonnelDto>>
    {
        public async ValueTask<IReadOnlyList<PersonnelDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            await LecturePersonnes.VerifierAsync(session, user, query.Uai, cancellationToken);
            return [.. (await session.Query<Personnel>().OrderBy(p => p.Nom).ThenBy(p => p.Prenom).ToListAsync(cancellationToken))
                .Select(p => new PersonnelDto(p.Id, p.Nom, p.Prenom, p.Fonction, p.Disciplines, p.Actif))];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/{uai}/personnels", async (string uai, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(uai), ct)))
                .WithSummary("Lister les personnels de l'établissement");
    }
}
