using System.Collections.Concurrent;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Cpro.Bench;

/// <summary>The book banc's baseline: PDFsharp alone writes the same cover and pages from memory (texts already cut into
/// lines, photos' bytes at hand), with the same font, one page per réussite: what any export must at least do.</summary>
internal static class ReferenceBook
{
    internal sealed record Page(string Titre, string Contexte, IReadOnlyList<string> Lignes, byte[] Photo, IReadOnlyList<string> Competences);

    public static byte[] Ecrire(string couverture, IReadOnlyList<Page> pages)
    {
        Polices.Installer();
        using var document = new PdfDocument();
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var normale = new XFont(Polices.Famille, 10, XFontStyleEx.Regular, options);
        var titre = new XFont(Polices.Famille, 16, XFontStyleEx.Bold, options);
        using (var g = Nouvelle(document))
        {
            g.DrawString(couverture, new XFont(Polices.Famille, 28, XFontStyleEx.Bold, options), XBrushes.Black, new XPoint(50, 200));
        }
        foreach (var page in pages)
        {
            using var g = Nouvelle(document);
            var y = 70.0;
            g.DrawString(page.Titre, titre, XBrushes.Black, new XPoint(50, y));
            y += 24;
            foreach (var ligne in page.Lignes.Prepend(page.Contexte).Concat(page.Competences))
            {
                g.DrawString(ligne, normale, XBrushes.Black, new XPoint(50, y));
                y += 14;
            }
            using var image = XImage.FromStream(new MemoryStream(page.Photo));
            var echelle = Math.Min(495 / image.PointWidth, 260 / image.PointHeight);
            g.DrawImage(image, 50, y, image.PointWidth * echelle, image.PointHeight * echelle);
        }
        using var flux = new MemoryStream();
        document.Save(flux);
        return flux.ToArray();
    }

    private static XGraphics Nouvelle(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        return XGraphics.FromPdfPage(page);
    }

    /// <summary>The host's font (DejaVu Sans, shipped in the kernel's sources), read from the repository.</summary>
    private sealed class Polices : IFontResolver
    {
        public const string Famille = "DejaVu Sans";
        private static readonly Lazy<bool> Installee = new(() =>
        {
            GlobalFontSettings.FontResolver = new Polices();
            return true;
        });
        private readonly ConcurrentDictionary<string, byte[]> _octets = new();

        public static void Installer() => _ = Installee.Value;

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName) =>
            _octets.GetOrAdd(faceName, nom => File.ReadAllBytes(Path.Combine("src", "Kernel", "Cpro.Kernel", "Pdf", "Polices", $"{nom}.ttf")));
    }
}
