using System.Globalization;
using Carter;
using Cpro.Book.Domain;
using Cpro.Book.Export;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Identity;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>The book to print: the cover (learner, diploma, establishment and its logo, date), then one page per réussite
/// not hidden, in the book's order, with its first photo and its competences' labels. For the learner, and whoever may read
/// their book; the print view in the browser reads the same.</summary>
internal static class ExporterBook
{
    /// <param name="ApprenantId">Null: the caller's own.</param>
    internal sealed record Query(Guid? ApprenantId) : IQuery<BookExport>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : IQueryHandler<Query, BookExport>
    {
        public async ValueTask<BookExport> Handle(Query query, CancellationToken cancellationToken)
        {
            var lecteur = query.ApprenantId is { } id
                ? await AccesBook.LecteurAsync(session, mediator, user, id, cancellationToken)
                : await AccesBook.MoiAsync(session, mediator, user, cancellationToken);
            var a = lecteur.Apprenant;
            var diplome = await Diplome.DeAsync(mediator, lecteur.Etablissement, a.Division, cancellationToken);
            var reussites = (await ContenuReussite.ListerAsync(session, lecteur, diplome, false, cancellationToken)).Where(r => !r.Masquee).ToList();
            var photos = reussites.Select(r => r.Medias.FirstOrDefault(m => m.Photo)?.Id).OfType<Guid>().ToList();
            var contenus = photos.Count == 0
                ? new Dictionary<Guid, byte[]>()
                : (await session.LoadManyAsync<ContenuMedia>(cancellationToken, photos)).ToDictionary(c => c.Id, c => c.Contenu);
            var etablissement = await mediator.Send(new ObtenirParametresEtablissement(lecteur.Etablissement), cancellationToken);
            var logo = await mediator.Send(new ObtenirLogoEtablissement(lecteur.Etablissement), cancellationToken);
            return new BookExport(a.Prenom, a.Nom, a.Division, diplome.Intitule is { Length: > 0 } d ? d : null, etablissement.Nom, logo?.Contenu,
                DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
                [.. reussites.Select(r => new PageExport(r.Titre, Contexte(r), r.CeQueJaiFait, r.CeQueJaiAppris,
                    r.Medias.FirstOrDefault(m => m.Photo) is { } p ? contenus.GetValueOrDefault(p.Id) : null,
                    [.. r.Competences.Select(c => $"{c.Code} {c.Intitule}{(c.NiveauLibelle is null ? "" : $" — niveau atteint : {c.NiveauLibelle}")}")]))]);
        }

        private static string Contexte(ReussiteDto r) =>
            string.Create(CultureInfo.InvariantCulture,
                $"{(r.Lieu == Lieux.Entreprise ? "En entreprise" : "Au centre de formation")}{(r.Contexte is null ? "" : $" — {r.Contexte}")} — le {r.Date:dd/MM/yyyy}");
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapGet("/export.pdf", (IMediator mediator, HttpResponse response, CancellationToken ct) => PdfAsync(null, mediator, response, ct))
                .WithSummary("Son book en PDF : une couverture, puis une page par réussite non masquée (l'apprenant)");
            app.MapGet("/apprenants/{apprenantId:guid}/export.pdf", (Guid apprenantId, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                    PdfAsync(apprenantId, mediator, response, ct))
                .WithSummary("Le book d'un apprenant en PDF (ses professeurs et professeurs référents, le DDFTP, le chef d'établissement)");
        }

        private static async Task<IResult> PdfAsync(Guid? apprenantId, IMediator mediator, HttpResponse response, CancellationToken ct)
        {
            var book = await mediator.Send(new Query(apprenantId), ct);
            response.Headers.ContentDisposition = NomFichier.Telechargement($"book-{book.Nom}-{book.Prenom}.pdf");
            return TypedResults.File(BookPdf.Ecrire(book), "application/pdf");
        }
    }
}
