using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cpro.Portfolio.Livret;

/// <summary>The livret as an A4 PDF, written with PDFsharp's drawing API: PDFsharp lays out no text, so lines are wrapped
/// to the page's width and pages broken here (ADR 0010).</summary>
internal static class LivretPdf
{
    public static byte[] Ecrire(LivretApprentissage livret)
    {
        PolicesLivret.Installer();
        using var document = new PdfDocument();
        var personne = $"{livret.Prenom} {livret.Nom.ToUpper(CultureInfo.GetCultureInfo("fr-FR"))}";
        document.Info.Title = $"Livret d'apprentissage — {personne} — {livret.AnneeScolaire}";
        document.Info.Creator = "Cpro";
        using (var mise = new MiseEnPage(document, $"Livret d'apprentissage — {personne} — {livret.AnneeScolaire}"))
        {
            mise.Titre("Livret d'apprentissage", 18);
            mise.Texte($"{personne}{(livret.Division is null ? "" : $" — {livret.Division}")}", gras: true);
            mise.Texte($"Année scolaire {livret.AnneeScolaire}");
            if (livret.Periodes.Count == 0)
            {
                mise.Espace(8);
                mise.Texte("Aucune période employeur cette année scolaire.");
            }
            foreach (var periode in livret.Periodes)
            {
                Periode(mise, periode);
            }
        }
        using var flux = new MemoryStream();
        document.Save(flux);
        return flux.ToArray();
    }

    private static void Periode(MiseEnPage mise, PeriodeLivret p)
    {
        mise.Espace(14);
        mise.Titre(p.Titre, 14);
        mise.Texte(string.Create(CultureInfo.InvariantCulture, $"Période employeur du {p.Debut:dd/MM/yyyy} au {p.Fin:dd/MM/yyyy}"));
        mise.Texte($"Entreprise : {p.Entreprise ?? "—"}");
        mise.Texte($"Maître d'apprentissage : {p.MaitreApprentissage ?? "—"}");
        mise.Texte($"Professeurs référents : {(p.Referents.Count == 0 ? "—" : string.Join(", ", p.Referents))}");

        mise.Espace(8);
        mise.Titre($"Fiches activités ({p.Fiches.Count})", 12);
        if (p.Fiches.Count == 0)
        {
            mise.Texte("Aucune fiche activité.");
        }
        foreach (var f in p.Fiches)
        {
            mise.Espace(4);
            mise.Texte($"« {f.Titre} »", gras: true);
            mise.Texte(string.Create(CultureInfo.InvariantCulture,
                $"{(f.Fin is { } fin ? $"Du {f.Debut:dd/MM/yyyy} au {fin:dd/MM/yyyy}" : $"Le {f.Debut:dd/MM/yyyy}")} — {f.Statut}{(f.RevuePar is null ? "" : $", revue par {f.RevuePar}")}"));
            Rubrique(mise, "Lieu et contexte", f.Contexte);
            Rubrique(mise, "Ce que j'ai fait", f.Realisation);
            Rubrique(mise, "Tâches", f.Taches.Count == 0 ? null : string.Join("\n", f.Taches));
            Rubrique(mise, "Compétences à évaluer", f.Items.Count == 0 ? null : string.Join("\n", f.Items));
        }

        mise.Espace(8);
        mise.Titre("Journal de bord", 12);
        if (p.Journal.Count == 0)
        {
            mise.Texte("Aucune entrée.");
        }
        foreach (var e in p.Journal)
        {
            mise.Espace(4);
            mise.Texte(string.Create(CultureInfo.InvariantCulture, $"{(e.Semaine ? "Semaine du" : "Le")} {e.Date:dd/MM/yyyy}"), gras: true);
            mise.Texte(e.Texte);
            foreach (var c in e.Commentaires)
            {
                mise.Texte(string.Create(CultureInfo.InvariantCulture, $"{c.AuteurNom} ({c.Qualite}, {c.Le.ToLocalTime():dd/MM/yyyy}) : {c.Texte}"), retrait: 14);
            }
        }

        mise.Espace(8);
        mise.Titre("Bilan en entreprise", 12);
        if (p.Bilan is not { } b)
        {
            mise.Texte("Pas encore commencé.");
            return;
        }
        mise.Texte((b.Finalise
            ? string.Create(CultureInfo.InvariantCulture, $"Finalisé le {b.FinaliseLe!.Value.ToLocalTime():dd/MM/yyyy} par {b.FinalisePar}")
            : "En cours : pas encore finalisé") + (b.SaisieSurPapier ? " (saisi depuis le formulaire papier)" : ""));
        foreach (var item in b.Items)
        {
            mise.Texte($"{item.Code} {item.Intitule} : {item.NiveauLibelle ?? "non positionné"}", retrait: 14);
        }
        Rubrique(mise, "Appréciation du maître d'apprentissage et du professeur", b.Commentaire);
    }

    private static void Rubrique(MiseEnPage mise, string libelle, string? texte)
    {
        if (texte is null)
        {
            return;
        }
        mise.Texte(libelle, gras: true, retrait: 14);
        mise.Texte(texte, retrait: 14);
    }

    /// <summary>A cursor down A4 pages: each text is cut into lines that fit the width (at spaces, or inside a word longer than
    /// a line), and a line that would cross the bottom margin starts a new page, which carries the livret's name and its number.</summary>
    private sealed class MiseEnPage : IDisposable
    {
        private const double Marge = 50;

        // Made after the font resolver is installed (LivretPdf.Ecrire), hence not static.
        private readonly XFont _normale = Police(10, XFontStyleEx.Regular);
        private readonly XFont _gras = Police(10, XFontStyleEx.Bold);
        private readonly XFont _petite = Police(8, XFontStyleEx.Regular);
        private readonly PdfDocument _document;
        private readonly string _pied;
        private XGraphics _page = null!;
        private double _largeur;
        private double _bas;
        private double _y;

        public MiseEnPage(PdfDocument document, string pied)
        {
            _document = document;
            _pied = pied;
            NouvellePage();
        }

        private static XFont Police(double taille, XFontStyleEx style) =>
            new(PolicesLivret.Famille, taille, style, new XPdfFontOptions(PdfFontEncoding.Unicode));

        public void Titre(string texte, double taille) => Ecrire(texte, Police(taille, XFontStyleEx.Bold), 0);

        public void Texte(string texte, bool gras = false, double retrait = 0) => Ecrire(texte, gras ? _gras : _normale, retrait);

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

        public void Espace(double hauteur) => _y = Math.Min(_y + hauteur, _bas);

        private IEnumerable<string> Lignes(string texte, XFont police, double largeur)
        {
            bool Tient(string s) => _page.MeasureString(s, police).Width <= largeur;
            foreach (var paragraphe in texte.ReplaceLineEndings("\n").Split('\n'))
            {
                var ligne = "";
                foreach (var mot in paragraphe.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var essai = ligne.Length == 0 ? mot : $"{ligne} {mot}";
                    if (Tient(essai))
                    {
                        ligne = essai;
                        continue;
                    }
                    if (ligne.Length > 0)
                    {
                        yield return ligne;
                    }
                    ligne = mot;
                    while (!Tient(ligne))
                    {
                        var coupe = ligne.Length - 1;
                        while (coupe > 1 && !Tient(ligne[..coupe]))
                        {
                            coupe--;
                        }
                        yield return ligne[..coupe];
                        ligne = ligne[coupe..];
                    }
                }
                yield return ligne;
            }
        }

        private void NouvellePage()
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
}
