using Carter;
using Cpro.Etablissements.Courriels;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Etablissements.Features;

/// <summary>The establishment's emails, newest first, with their state: the administrator reads here what was sent
/// (or written to the mail folder without SMTP) and what waits for a retry. The platform administrator sees the same list
/// without the bodies, which hold temporary passwords.</summary>
internal static class ListerCourriels
{
    internal sealed record Query(string Uai) : IQuery<IReadOnlyList<CourrielDto>>;

    internal sealed record CourrielDto(Guid Id, string Destinataire, string Objet, string? Corps, DateTimeOffset CreeLe, DateTimeOffset? EnvoyeLe,
        int Tentatives, string? DerniereErreur, DateTimeOffset? ProchainEssaiLe, string? Transport);

    internal sealed class Handler(IQuerySession session, Kernel.Identity.ICurrentUser user, BoiteEnvoi boite)
        : IQueryHandler<Query, IReadOnlyList<CourrielDto>>
    {
        public async ValueTask<IReadOnlyList<CourrielDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = await GestionComptes.EtablissementAsync(session, user, query.Uai, cancellationToken);
            var courriels = await session.PourEtablissement(etablissement.Id).Query<Courriel>()
                .OrderByDescending(c => c.CreeLe).Take(500).ToListAsync(cancellationToken);
            return [.. courriels.Select(c => new CourrielDto(c.Id, c.Destinataire, c.Objet, user.IsPlatformAdmin ? null : boite.Corps(c), c.CreeLe, c.EnvoyeLe, c.Tentatives,
                c.DerniereErreur, c.EnvoyeLe is null ? c.ProchainEssaiLe : null, c.Transport is { } t && t != "SMTP" ? Path.GetFileName(t) : c.Transport))];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/{uai}/courriels", async (string uai, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(uai), ct)))
                .WithSummary("Lister les courriels de l'établissement (envoyés ou en attente)");
    }
}
