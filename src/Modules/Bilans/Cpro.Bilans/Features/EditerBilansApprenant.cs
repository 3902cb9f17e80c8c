using Carter;
using Cpro.Bilans.Domain;
using Cpro.Bilans.Edition;
using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Identity;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Bilans.Features;

/// <summary>« Éditer les bilans » of a learner: every finalised bilan of their cycle, in period order (the bilan de fin de
/// cycle last), as one PDF. For whoever reads the learner's finalised bilans.</summary>
internal static class EditerBilansApprenant
{
    internal sealed record Query(Guid ApprenantId) : IQuery<Edition>;

    internal sealed record Edition(string Nom, string Prenom, byte[] Pdf);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, Edition>
    {
        public async ValueTask<Edition> Handle(Query query, CancellationToken cancellationToken)
        {
            var acces = await AccesBilans.VerifierAsync(mediator, user, query.ApprenantId, cancellationToken);
            var a = acces.Apprenant;
            var bilans = (await session.Query<Bilan>().Where(b => b.ApprenantId == query.ApprenantId && b.FinaliseLe != null).ToListAsync(cancellationToken))
                .OrderBy(b => b.Type == Bilan.FinCycle).ThenBy(b => b.Debut).ThenBy(b => b.Referentiel, StringComparer.Ordinal).ToList();
            var nom = $"{a.Prenom} {a.Nom}";
            return new Edition(a.Nom, a.Prenom, BilansPdf.Ecrire($"Bilans de {nom}", [.. bilans.Select(b => new BilansPdf.Page(nom, b.Division, b))],
                "Aucun bilan finalisé pour le moment."));
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/apprenants/{apprenantId:guid}/export.pdf", async (Guid apprenantId, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                {
                    var edition = await mediator.Send(new Query(apprenantId), ct);
                    response.Headers.ContentDisposition = NomFichier.Telechargement($"bilans-{edition.Nom}-{edition.Prenom}.pdf");
                    return TypedResults.File(edition.Pdf, "application/pdf");
                })
                .WithSummary("Éditer les bilans finalisés d'un apprenant sur son cycle, dans l'ordre des périodes (PDF)");
    }
}
