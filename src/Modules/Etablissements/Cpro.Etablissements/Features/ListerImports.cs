using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Siecle;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Etablissements.Features;

/// <summary>Every import of an establishment, newest first: who, when, which files, what it did.</summary>
internal static class ListerImports
{
    internal sealed record Query(string Uai) : IQuery<IReadOnlyList<ImportDto>>;

    internal sealed record ImportDto(Guid Id, string Par, DateTimeOffset Le, IReadOnlyList<string> Fichiers, RapportImport Rapport);

    internal sealed class Handler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<ImportDto>>
    {
        public async ValueTask<IReadOnlyList<ImportDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = await AccesEtablissement.AdministrableAsync(session, user, query.Uai, cancellationToken);
            var imports = await session.PourEtablissement(etablissement.Id).Query<ImportSiecle>()
                .OrderByDescending(i => i.Le).ToListAsync(cancellationToken);
            return [.. imports.Select(i => new ImportDto(i.Id, i.Par, i.Le, i.Fichiers, i.Rapport))];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/{uai}/imports", async (string uai, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(uai), ct)))
                .WithSummary("Lister les imports SIECLE / STS-web de l'établissement");
    }
}
