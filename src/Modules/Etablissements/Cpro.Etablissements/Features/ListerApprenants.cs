using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Etablissements.Features;

/// <summary>The establishment's learners, for its administrator, head and DDFTP.</summary>
internal static class ListerApprenants
{
    internal sealed record Query(string Uai) : IQuery<IReadOnlyList<ApprenantDto>>;

    internal sealed record ApprenantDto(Guid Id, string Nom, string Prenom, string? Ine, string? Division, string Statut, bool Actif);

    internal sealed class Handler(EtablissementsDbContext db, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<ApprenantDto>>
    {
        public async ValueTask<IReadOnlyList<ApprenantDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            await LecturePersonnes.VerifierAsync(db, user, query.Uai, cancellationToken);
            // The kernel's filter keeps this to the caller's establishment.
            return await db.Apprenants.OrderBy(a => a.Nom).ThenBy(a => a.Prenom)
                .Select(a => new ApprenantDto(a.Id, a.Nom, a.Prenom, a.Ine, a.Division, a.Statut, a.Actif))
                .ToListAsync(cancellationToken);
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

/// <summary>Who may read an establishment's people: its administrator, head and DDFTP, and nobody from elsewhere.</summary>
internal static class LecturePersonnes
{
    public static async Task VerifierAsync(EtablissementsDbContext db, ICurrentUser user, string uai, CancellationToken cancellationToken)
    {
        var code = Domain.Uai.Normalize(uai);
        var etablissement = await db.Etablissements.SingleOrDefaultAsync(e => e.Uai == code, cancellationToken)
                            ?? throw new IntrouvableException($"Établissement {code} introuvable.");
        if (user.EtablissementId != etablissement.Id
            || !user.HasAnyProfil([Profils.Administrateur, Profils.ChefEtablissement, Profils.Ddftp]))
        {
            throw new InterditException("Seuls l'administrateur, le chef d'établissement et le DDFTP de cet établissement consultent ses utilisateurs.");
        }
    }
}
