using System.Globalization;
using Cpro.Kernel.Pdf;
using PdfSharp.Pdf;

namespace Cpro.Portfolio.Livret;

/// <summary>The livret as an A4 PDF, written with PDFsharp's drawing API: laid out by the kernel's MiseEnPage (ADR 0010).</summary>
internal static class LivretPdf
{
    public static byte[] Ecrire(LivretApprentissage livret)
    {
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
}
