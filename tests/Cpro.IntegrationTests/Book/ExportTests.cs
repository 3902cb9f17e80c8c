using System.Net;
using System.Net.Http.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Portfolio;
using UglyToad.PdfPig;

namespace Cpro.IntegrationTests.Book;

/// <summary>The book's PDF: a cover, then one page per réussite not hidden, in the book's order; a long text runs on.</summary>
[Collection(CproCollection.Name)]
public sealed class ExportTests(CproFactory factory)
{
    [Fact]
    public async Task The_pdf_has_a_cover_then_one_page_per_visible_reussite_in_order()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        var a = (await LeBook.ReussiteAsync(pfmp.Eleve, LeBook.Libre("Réussite Alpha"))).GetProperty("id").GetGuid();
        var b = (await LeBook.ReussiteAsync(pfmp.Eleve, LeBook.Libre("Réussite Bravo"))).GetProperty("id").GetGuid();
        var c = (await LeBook.ReussiteAsync(pfmp.Eleve, LeBook.Libre("Réussite Charlie"))).GetProperty("id").GetGuid();
        (await pfmp.Eleve.PostAsync($"{LeBook.Api}/reussites/{b}/medias", Pfmp.Fichier(LeBook.JpegAvecGps(800, 600), "photo.jpg"))).EnsureSuccessStatusCode();
        (await pfmp.Eleve.PutAsJsonAsync($"{LeBook.Api}/ordre", new { reussites = new[] { c, a, b } })).EnsureSuccessStatusCode();
        (await pfmp.Eleve.PutAsJsonAsync($"{LeBook.Api}/reussites/{a}", new { version = 1, titre = "Réussite Alpha", lieu = "entreprise", date = "2026-11-12", masquee = true }))
            .EnsureSuccessStatusCode();

        var reponse = await pfmp.Eleve.GetAsync($"{LeBook.Api}/export.pdf");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await reponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, pdf.NumberOfPages);
        var pages = pdf.GetPages().Select(p => Compact(p.Text)).ToList();
        Assert.Contains("MonbookLeaMARTIN", pages[0]);
        Assert.Contains("2MELEC1", pages[0]);
        Assert.Contains("RéussiteCharlie", pages[1]);
        Assert.Contains("RéussiteBravo", pages[2]);
        Assert.DoesNotContain(pages, p => p.Contains("RéussiteAlpha", StringComparison.Ordinal));
        Assert.Contains("C1", pages[1]);
        Assert.NotEmpty(pdf.GetPage(3).GetImages());

        // The teacher's export of the same book is the same.
        using var duProfesseur = PdfDocument.Open(await pfmp.Referent.GetByteArrayAsync($"{LeBook.Api}/apprenants/{pfmp.Lea}/export.pdf"));
        Assert.Equal(3, duProfesseur.NumberOfPages);
    }

    [Fact]
    public async Task A_text_too_long_for_a_page_runs_on_and_is_still_one_reussite()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        var long_ = string.Join("\n", Enumerable.Range(1, 70).Select(i => $"Ligne {i} de ce que j'ai fait, étape par étape."));
        await LeBook.ReussiteAsync(pfmp.Eleve, LeBook.Libre("Longue réussite", fait: long_));
        await LeBook.ReussiteAsync(pfmp.Eleve, LeBook.Libre("Courte réussite"));
        using var pdf = PdfDocument.Open(await pfmp.Eleve.GetByteArrayAsync($"{LeBook.Api}/export.pdf"));
        var pages = pdf.GetPages().Select(p => Compact(p.Text)).ToList();
        Assert.Equal(4, pages.Count);
        Assert.Contains("2réussites", pages[0]);
        Assert.Contains("Longueréussite", pages[1]);
        Assert.Contains("Ligne70", pages[2]);
        Assert.Contains("Courteréussite", pages[3]);
        Assert.DoesNotContain("Courteréussite", pages[2]);
    }

    private static string Compact(string texte) => string.Concat(texte.Where(c => !char.IsWhiteSpace(c)));
}
