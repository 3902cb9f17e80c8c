using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cpro.Kernel.Pdf;

/// <summary>A cursor down A4 pages, shared by every PDF Cpro writes (ADR 0010): PDFsharp lays out no text, so each text is
/// cut here into lines that fit the width (at spaces, or inside a word longer than a line), and a line that would cross the
/// bottom margin starts a new page, which carries the document's name and its number.</summary>
public sealed class MiseEnPage : IDisposable
{
    public const double Marge = 50;

    // Made after the font resolver is installed (constructor), hence not static.
    private readonly XFont _normale;
    private readonly XFont _gras;
    private readonly XFont _petite;
    private readonly PdfDocument _document;
    private readonly string _pied;
    private XGraphics _page = null!;
    private double _largeur;
    private double _bas;
    private double _y;
    // Words' widths per font, for this document: a text repeats its words.
    private readonly Dictionary<(XFont, string), double> _largeurs = [];

    public MiseEnPage(PdfDocument document, string pied)
    {
        PolicesPdf.Installer();
        _normale = Police(10, XFontStyleEx.Regular);
        _gras = Police(10, XFontStyleEx.Bold);
        _petite = Police(8, XFontStyleEx.Regular);
        _document = document;
        _pied = pied;
        NouvellePage();
    }

    /// <summary>Pages written so far.</summary>
    public int Pages => _document.PageCount;

    /// <summary>Width left for text and images between the margins, in points.</summary>
    public double Largeur => _largeur;

    public static XFont Police(double taille, XFontStyleEx style) =>
        new(PolicesPdf.Famille, taille, style, new XPdfFontOptions(PdfFontEncoding.Unicode));

    public void Titre(string texte, double taille) => Ecrire(texte, Police(taille, XFontStyleEx.Bold), 0);

    public void Texte(string texte, bool gras = false, double retrait = 0) => Ecrire(texte, gras ? _gras : _normale, retrait);

    public void Espace(double hauteur) => _y = Math.Min(_y + hauteur, _bas);

    /// <summary>An image scaled to fit the width and at most <paramref name="hauteurMax"/> points high; on a new page if it
    /// does not fit below the cursor.</summary>
    public void Image(XImage image, double hauteurMax)
    {
        var echelle = Math.Min(1, Math.Min(_largeur / image.PointWidth, hauteurMax / image.PointHeight));
        var (l, h) = (image.PointWidth * echelle, image.PointHeight * echelle);
        if (_y + h > _bas)
        {
            NouvellePage();
        }
        _page.DrawImage(image, Marge, _y, l, h);
        _y += h;
    }

    private void Ecrire(string texte, XFont police, double retrait)
    {
        var hauteur = police.GetHeight() * 1.2;
        foreach (var ligne in Lignes(texte, police, _largeur - retrait))
        {
            if (_y + hauteur > _bas)
            {
                NouvellePage();
            }
            _page.DrawString(ligne, police, XBrushes.Black, new XPoint(Marge + retrait, _y + police.GetHeight()));
            _y += hauteur;
        }
    }

    private IEnumerable<string> Lignes(string texte, XFont police, double largeur)
    {
        bool Tient(string s) => _page.MeasureString(s, police).Width <= largeur;
        // A line's width is its words' widths and its spaces' (PDFsharp draws without kerning): each word is measured once
        // rather than the whole line again at each word, which made long texts the export's main cost.
        var espace = LargeurDe(" ", police);
        foreach (var paragraphe in texte.ReplaceLineEndings("\n").Split('\n'))
        {
            var ligne = "";
            var occupee = 0.0;
            foreach (var mot in paragraphe.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var avecMot = ligne.Length == 0 ? LargeurDe(mot, police) : occupee + espace + LargeurDe(mot, police);
                if (avecMot <= largeur)
                {
                    (ligne, occupee) = (ligne.Length == 0 ? mot : $"{ligne} {mot}", avecMot);
                    continue;
                }
                if (ligne.Length > 0)
                {
                    yield return ligne;
                }
                (ligne, occupee) = (mot, LargeurDe(mot, police));
                while (!Tient(ligne))
                {
                    var coupe = ligne.Length - 1;
                    while (coupe > 1 && !Tient(ligne[..coupe]))
                    {
                        coupe--;
                    }
                    yield return ligne[..coupe];
                    ligne = ligne[coupe..];
                    occupee = LargeurDe(ligne, police);
                }
            }
            yield return ligne;
        }
    }

    private double LargeurDe(string mot, XFont police)
    {
        var cle = (police, mot);
        if (!_largeurs.TryGetValue(cle, out var largeur))
        {
            largeur = _page.MeasureString(mot, police).Width;
            _largeurs[cle] = largeur;
        }
        return largeur;
    }

    /// <summary>Starts a new page; documents with one page per item call it between items.</summary>
    public void NouvellePage()
    {
        _page?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _page = XGraphics.FromPdfPage(page);
        _largeur = page.Width.Point - 2 * Marge;
        _bas = page.Height.Point - Marge;
        _y = Marge;
        _page.DrawString(string.Create(CultureInfo.InvariantCulture, $"{_pied} — page {_document.PageCount}"), _petite, XBrushes.Gray,
            new XPoint(Marge, page.Height.Point - Marge / 2));
    }

    public void Dispose() => _page.Dispose();
}
