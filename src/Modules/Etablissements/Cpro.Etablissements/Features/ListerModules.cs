using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Etablissements.Features;

/// <summary>The module switches of one establishment, with who last switched each and when.</summary>
internal static class ListerModules
{
    internal sealed record Query(string Uai) : IQuery<IReadOnlyList<ModuleEtablissementDto>>;

    internal sealed record ModuleEtablissementDto(
        string Module, string Nom, string Statut, bool Desactivable, bool Actif, string? ModifiePar, DateTimeOffset? ModifieLe);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, ModuleCatalogue catalogue)
        : IQueryHandler<Query, IReadOnlyList<ModuleEtablissementDto>>
    {
        public async ValueTask<IReadOnlyList<ModuleEtablissementDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = await AccesEtablissement.AdministrableAsync(session, user, query.Uai, cancellationToken);
            // Named explicitly: the platform administrator belongs to no establishment.
            var activations = (await session.PourEtablissement(etablissement.Id).Query<ModuleActivation>().ToListAsync(cancellationToken))
                .ToDictionary(a => a.Id);
            return catalogue.All.Select(m =>
            {
                var activation = activations.GetValueOrDefault(m.Name);
                return new ModuleEtablissementDto(m.Name, m.DisplayName, m.Statut.Libelle(), m.Desactivable,
                    activation?.Actif ?? true, activation?.ModifiePar, activation?.ModifieLe);
            }).ToList();
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/{uai}/modules", async (string uai, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(uai), ct)))
                .WithSummary("Lister les modules d'un établissement et leur activation");
    }
}
