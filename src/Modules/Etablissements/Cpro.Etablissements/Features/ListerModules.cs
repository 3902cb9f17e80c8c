using Carter;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Etablissements.Features;

/// <summary>The module switches of one establishment, with who last switched each and when.</summary>
internal static class ListerModules
{
    internal sealed record Query(string Uai) : IQuery<IReadOnlyList<ModuleEtablissementDto>>;

    internal sealed record ModuleEtablissementDto(
        string Module, string Nom, string Statut, bool Desactivable, bool Actif, string? ModifiePar, DateTimeOffset? ModifieLe);

    internal sealed class Handler(EtablissementsDbContext db, ICurrentUser user, ModuleCatalogue catalogue)
        : IQueryHandler<Query, IReadOnlyList<ModuleEtablissementDto>>
    {
        public async ValueTask<IReadOnlyList<ModuleEtablissementDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = await AccesEtablissement.AdministrableAsync(db, user, query.Uai, cancellationToken);
            // Explicitly across the filter: the platform administrator belongs to no establishment.
            var activations = await db.ModuleActivations.IgnoreQueryFilters()
                .Where(a => a.EtablissementId == etablissement.Id)
                .ToDictionaryAsync(a => a.Module, cancellationToken);
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
