using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cpro.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;

namespace Cpro.IntegrationTests.Portfolio;

/// <summary>The livret d'apprentissage: an apprentice's périodes employeur of a school year with their fiches, journal and
/// bilans, as a page and as a PDF read back with PdfPig.</summary>
[Collection(CproCollection.Name)]
public sealed partial class LivretTests(CproFactory factory)
{
    private const string Journal = "Mise en service d'un tableau « pas à pas » : contrôle des différentiels, étiquetage.";

    [Fact]
    public async Task The_pdf_holds_the_periode_employeur_its_fiches_journal_comments_and_finalised_bilan()
    {
        using var pfmp = await Pfmp.CreerAsync(factory, apprentis: true);
        var fiche = await pfmp.ReviserAsync(await pfmp.FicheAsync(soumise: true, titre: "Câblage d'un tableau électrique"), "C1");
        var entree = await (await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/journal", new { date = "2027-01-05", texte = Journal }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, (await pfmp.Tuteur.PostAsJsonAsync($"{pfmp.Base}/journal/{entree.GetProperty("id")}/commentaires",
            new { texte = "Très attentive aux consignes de sécurité." })).StatusCode);
        // A long entry: its words wrap over lines and pages, none lost.
        var mots = Enumerable.Range(1, 450).Select(i => $"mot{i}").ToList();
        (await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/journal", new { date = "2027-01-06", texte = string.Join(' ', mots) })).EnsureSuccessStatusCode();
        (await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/journal", new { date = "2027-01-07", texte = new string('x', 300) })).EnsureSuccessStatusCode();
        (await pfmp.Referent.PutAsJsonAsync($"{pfmp.Base}/bilan", new { version = 1, mode = "competences", niveaux = new Dictionary<string, string> { ["C1"] = "3" },
            commentaire = "Progrès nets sur le câblage." })).EnsureSuccessStatusCode();
        (await pfmp.Referent.PostAsJsonAsync($"{pfmp.Base}/bilan/finalisation", new { version = 2 })).EnsureSuccessStatusCode();
        Assert.Equal("soumise", fiche.GetProperty("statut").GetString());

        var reponse = await pfmp.Eleve.GetAsync($"/api/portfolio/apprenants/{pfmp.Lea}/livret.pdf?annee=2026");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", reponse.Content.Headers.ContentDisposition?.DispositionType);
        using var pdf = PdfDocument.Open(await reponse.Content.ReadAsByteArrayAsync());
        Assert.True(pdf.NumberOfPages >= 2);
        // Each page opens with its footer (drawn first): without it, the pages read on as one text.
        var texte = string.Concat(pdf.GetPages().Select(p => Compact(p.Text).Replace(Compact($"Livret d'apprentissage — Lea MARTIN — 2026-2027 — page {p.Number}"), "",
            StringComparison.Ordinal)));
        foreach (var attendu in new[]
                 {
                     "Livret d'apprentissage", "Année scolaire 2026-2027", "Lea MARTIN", "Période employeur du 04/01/2027 au 29/01/2027", "Entreprise : Élec Services",
                     "Maître d'apprentissage : Claire DUPONT", "Professeurs référents : Alessandro VOLTA", "« Câblage d'un tableau électrique »",
                     "J'ai tiré les câbles, posé et raccordé quatre prises.", "T2.3", Journal, "Claire DUPONT (Maître d'apprentissage",
                     "Très attentive aux consignes de sécurité.", "Finalisé le", "par Alessandro VOLTA", "C1", "3 Maîtrisé", "Progrès nets sur le câblage.",
                     new string('x', 300),
                 })
        {
            Assert.Contains(Compact(attendu), texte, StringComparison.Ordinal);
        }
        Assert.Contains(Compact(string.Join(' ', mots)), texte, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_without_periode_employeur_gives_an_empty_livret_and_a_pfmp_is_not_in_it()
    {
        using var apprenti = await Pfmp.CreerAsync(factory, apprentis: true);
        using var eleve = await Pfmp.CreerAsync(factory);
        await eleve.FicheAsync(titre: "Fiche de PFMP");

        using var vide = PdfDocument.Open(await apprenti.Eleve.GetByteArrayAsync($"/api/portfolio/apprenants/{apprenti.Lea}/livret.pdf?annee=2027"));
        Assert.Contains(Compact("Aucune période employeur cette année scolaire."), Compact(vide.GetPage(1).Text), StringComparison.Ordinal);
        using var pfmp = PdfDocument.Open(await eleve.Eleve.GetByteArrayAsync($"/api/portfolio/apprenants/{eleve.Lea}/livret.pdf?annee=2026"));
        Assert.DoesNotContain(Compact("Fiche de PFMP"), Compact(pfmp.GetPage(1).Text), StringComparison.Ordinal);
        var annee = await (await apprenti.Eleve.GetAsync($"/api/portfolio/apprenants/{apprenti.Lea}/livret.pdf?annee=1999")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["L'année scolaire se donne par l'année de la rentrée (2026 pour 2026-2027)."],
            annee.GetProperty("errors").GetProperty("annee").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_livret_is_for_the_apprentice_their_referents_and_maitre_the_ddftp_and_the_head()
    {
        using var pfmp = await Pfmp.CreerAsync(factory, apprentis: true);
        var url = $"/api/portfolio/apprenants/{pfmp.Lea}/livret.pdf?annee=2026";

        foreach (var client in new[] { pfmp.Eleve, pfmp.Referent, pfmp.Tuteur, pfmp.Ddftp, pfmp.Chef })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
        foreach (var client in new[] { pfmp.Collegue, pfmp.Hugo, pfmp.Classe.Admin })
        {
            await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        // The tutor follows Léa only; another year, the referent follows no period of hers.
        await (await pfmp.Tuteur.GetAsync($"/api/portfolio/apprenants/{pfmp.Classe.Ids["Hugo"]}/livret.pdf?annee=2026")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await pfmp.Referent.GetAsync($"/api/portfolio/apprenants/{pfmp.Lea}/livret.pdf?annee=2025")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await pfmp.Ailleurs.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await pfmp.Ddftp.GetAsync($"/api/portfolio/apprenants/{Guid.NewGuid()}/livret.pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_page_shows_the_livret_and_links_its_pdf_and_the_portfolio_page_links_it()
    {
        using var pfmp = await Pfmp.CreerAsync(factory, apprentis: true);
        await pfmp.FicheAsync(titre: "Repérage du chantier");
        var page = $"/portfolio/livret/{pfmp.Lea}?annee=2026";

        Assert.Contains($"href=\"{page}\"", await pfmp.Tuteur.GetStringAsync("/portfolio"), StringComparison.Ordinal);
        var vue = WebUtility.HtmlDecode(await pfmp.Tuteur.GetStringAsync(page));
        Assert.Contains("Livret d'apprentissage de Lea MARTIN", vue, StringComparison.Ordinal);
        Assert.Contains("Repérage du chantier", vue, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/portfolio/apprenants/{pfmp.Lea}/livret.pdf?annee=2026\"", vue, StringComparison.Ordinal);
        var refus = WebUtility.HtmlDecode(await pfmp.Collegue.GetStringAsync(page));
        Assert.Contains("Seuls l'apprenti, ses professeurs référents, son maître d'apprentissage, le DDFTP et le chef d'établissement consultent ce livret.", refus,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Repérage du chantier", refus, StringComparison.Ordinal);
    }

    /// <summary>The text without its spaces and line breaks: PdfPig reads words back, not where the lines were cut.</summary>
    private static string Compact(string texte) => Blancs().Replace(texte, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blancs();
}
