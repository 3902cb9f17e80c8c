using System.Globalization;
using Cpro.Kernel.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cpro.Book.Export;

/// <summary>The book as an A4 PDF laid out by the kernel's MiseEnPage (ADR 0010): a cover, then each réussite from the top of
/// a new page; a text too long for one page runs on to the next, still one réussite.</summary>
internal static class BookPdf
{
    public static byte[] Ecrire(BookExport book)
    {
        using var document = new PdfDocument();
        var personne = $"{book.Prenom} {book.Nom.ToUpper(CultureInfo.GetCultureInfo("fr-FR"))}";
        document.Info.Title = $"Book de {personne}";
        document.Info.Creator = "Cpro";
        using (var mise = new MiseEnPage(document, $"Book de {personne}"))
        {
            Couverture(mise, book, personne);
            foreach (var page in book.Pages)
            {
                mise.NouvellePage();
                Page(mise, page);
            }
        }
        using var flux = new MemoryStream();
        document.Save(flux);
        return flux.ToArray();
    }

    private static void Couverture(MiseEnPage mise, BookExport book, string personne)
    {
        if (book.Logo is { } logo)
        {
            using var image = XImage.FromStream(new MemoryStream(logo));
            mise.Image(image, 80);
            mise.Espace(20);
        }
        mise.Espace(120);
        mise.Titre("Mon book", 28);
        mise.Espace(10);
        mise.Titre(personne, 18);
        mise.Espace(10);
        if (book.Diplome is { } diplome)
        {
            mise.Texte(diplome, gras: true);
        }
        if (book.Division is { } division)
        {
            mise.Texte($"Classe {division}");
        }
        mise.Texte(book.Etablissement);
        mise.Espace(10);
        mise.Texte(string.Create(CultureInfo.InvariantCulture, $"Le {book.Date:dd/MM/yyyy}"));
        mise.Texte(book.Pages.Count switch
        {
            0 => "Aucune réussite pour l'instant.",
            1 => "1 réussite",
            var n => $"{n} réussites",
        });
    }

    private static void Page(MiseEnPage mise, PageExport page)
    {
        mise.Titre(page.Titre, 16);
        mise.Texte(page.Contexte);
        Rubrique(mise, "Ce que j'ai fait", page.CeQueJaiFait);
        Rubrique(mise, "Ce que j'ai appris", page.CeQueJaiAppris);
        if (page.Photo is { } photo)
        {
            mise.Espace(8);
            using var image = XImage.FromStream(new MemoryStream(photo));
            mise.Image(image, 260);
        }
        if (page.Competences.Count > 0)
        {
            mise.Espace(8);
            mise.Texte("Compétences", gras: true);
            foreach (var competence in page.Competences)
            {
                mise.Texte(competence, retrait: 14);
            }
        }
    }

    private static void Rubrique(MiseEnPage mise, string libelle, string? texte)
    {
        if (texte is null)
        {
            return;
        }
        mise.Espace(8);
        mise.Texte(libelle, gras: true);
        mise.Texte(texte);
    }
}
