using System.Globalization;
using Cpro.Bilans.Domain;
using Cpro.Kernel.Pdf;
using PdfSharp.Pdf;

namespace Cpro.Bilans.Edition;

/// <summary>« Éditer les bilans »: finalised bilans as an A4 PDF, laid out by the kernel's MiseEnPage (ADR 0010), each
/// bilan from a new page — a learner's cycle in order, or a division's period, one learner per page for the conseil de classe.</summary>
internal static class BilansPdf
{
    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>One page (or more) per entry; an entry without a bilan says so.</summary>
    internal sealed record Page(string Apprenant, string? Division, Bilan? Bilan);

    public static byte[] Ecrire(string titre, IReadOnlyList<Page> pages, string siVide)
    {
        using var document = new PdfDocument();
        document.Info.Title = titre;
        document.Info.Creator = "Cpro";
        using (var mise = new MiseEnPage(document, titre))
        {
            if (pages.Count == 0)
            {
                mise.Titre(titre, 16);
                mise.Texte(siVide);
            }
            for (var i = 0; i < pages.Count; i++)
            {
                if (i > 0)
                {
                    mise.NouvellePage();
                }
                Ecrire(mise, pages[i]);
            }
        }
        using var flux = new MemoryStream();
        document.Save(flux);
        return flux.ToArray();
    }

    private static void Ecrire(MiseEnPage mise, Page page)
    {
        if (page.Bilan is not { } b)
        {
            mise.Titre(page.Apprenant, 16);
            mise.Texte(page.Division is null ? "" : $"Division {page.Division}");
            mise.Espace(8);
            mise.Texte("Pas de bilan finalisé pour cette période.");
            return;
        }
        mise.Titre($"{BilanDto.LibelleType(b.Type)} — {b.PeriodeLibelle}", 16);
        mise.Texte($"{page.Apprenant}{(b.Division is null ? "" : $" — division {b.Division}")}", gras: true);
        mise.Texte(string.Create(Francais, $"{b.ReferentielIntitule}, du {b.Debut:dd/MM/yyyy} au {b.Fin:dd/MM/yyyy}"));
        mise.Texte(string.Create(Francais, $"Finalisé le {Heure.Locale(b.FinaliseLe!.Value):dd/MM/yyyy} par {b.FinalisePar}. Niveau calculé : {b.Regle}."));
        mise.Espace(8);
        foreach (var c in b.Competences)
        {
            var ajuste = c.Niveau is not null && c.Niveau != c.NiveauCalcule ? $" (ajusté ; calculé : {Degres.Libelle(c.NiveauCalcule)})" : "";
            mise.Texte($"{c.Code} {c.Intitule}", gras: true);
            mise.Texte($"Niveau retenu : {Degres.Libelle(c.Retenu)}{ajuste}", retrait: 14);
            if (c.Commentaire is { } commentaire)
            {
                mise.Texte(commentaire, retrait: 14);
            }
            if (c.Preuves.Count > 0)
            {
                mise.Texte(string.Join(" ; ", c.Preuves.Select(p => string.Create(Francais,
                    $"{p.Date:dd/MM/yyyy} {p.Titre}{(p.EnEntreprise ? " (en entreprise)" : "")} : {p.Item} {p.Niveau}"))), retrait: 14);
            }
        }
        mise.Espace(8);
        mise.Texte("Appréciation générale", gras: true);
        mise.Texte(b.Appreciation ?? "Aucune appréciation.");
    }
}
