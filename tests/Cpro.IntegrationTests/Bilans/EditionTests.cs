using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cpro.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;

namespace Cpro.IntegrationTests.Bilans;

/// <summary>« Éditer les bilans », read back with PdfPig.</summary>
[Collection(CproCollection.Name)]
public sealed partial class EditionTests(CproFactory factory)
{
    [Fact]
    public async Task A_learners_pdf_holds_her_finalised_bilans_in_period_order_and_no_draft()
    {
        using var c = await ClasseBilans.CreerAsync(factory);
        await c.EvaluerAsync("3");
        var bilan = await c.CommencerAsync();
        (await c.Professeur.PutAsJsonAsync($"/api/bilans/{bilan.GetProperty("id")}", new
        {
            version = 1, appreciation = "Léa progresse avec régularité.", competences = new Dictionary<string, object> { ["C1"] = new { niveau = "4", commentaire = "Très soigné." } },
        })).EnsureSuccessStatusCode();
        await c.FinaliserAsync(await c.Professeur.GetFromJsonAsync<JsonElement>($"/api/bilans/{bilan.GetProperty("id")}"));

        var reponse = await c.Pfmp.Eleve.GetAsync($"/api/bilans/apprenants/{c.Lea}/export.pdf");
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await reponse.Content.ReadAsByteArrayAsync());
        var texte = Compact(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Compact("Bilan intermédiaire — Semestre 1"), texte, StringComparison.Ordinal);
        Assert.Contains(Compact("Niveau retenu : 4 Bien maîtrisé (ajusté ; calculé : 3 Maîtrisé)"), texte, StringComparison.Ordinal);
        Assert.Contains(Compact("Très soigné."), texte, StringComparison.Ordinal);
        Assert.Contains(Compact("Léa progresse avec régularité."), texte, StringComparison.Ordinal);
        Assert.Contains(Compact("Finalisé le"), texte, StringComparison.Ordinal);

        // Hugo's draft is not in his edition.
        await c.CommencerAsync(c.Classe.Ids["Hugo"]);
        using var hugo = PdfDocument.Open(await c.Ddftp.GetByteArrayAsync($"/api/bilans/apprenants/{c.Classe.Ids["Hugo"]}/export.pdf"));
        Assert.Contains(Compact("Aucun bilan finalisé pour le moment."), Compact(hugo.GetPage(1).Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_divisions_pdf_has_one_learner_per_page_in_name_order_for_the_conseil_de_classe()
    {
        using var c = await ClasseBilans.CreerAsync(factory);
        await c.FinaliserAsync(await c.CommencerAsync());
        await c.CommencerAsync(c.Classe.Ids["Hugo"]);

        var url = $"/api/bilans/divisions/2MELEC1/export.pdf?periode={c.Semestre1}";
        using var pdf = PdfDocument.Open(await c.Ddftp.GetByteArrayAsync(url));

        // DURAND Ines, MARTIN Lea, PETIT Hugo: one page each.
        Assert.Equal(3, pdf.NumberOfPages);
        Assert.Contains(Compact("Ines DURAND"), Compact(pdf.GetPage(1).Text), StringComparison.Ordinal);
        Assert.Contains(Compact("Pas de bilan finalisé pour cette période."), Compact(pdf.GetPage(1).Text), StringComparison.Ordinal);
        Assert.Contains(Compact("Bilan intermédiaire — Semestre 1Lea MARTIN"), Compact(pdf.GetPage(2).Text), StringComparison.Ordinal);
        Assert.Contains(Compact("Hugo PETIT"), Compact(pdf.GetPage(3).Text), StringComparison.Ordinal);
        Assert.Contains(Compact("Pas de bilan finalisé pour cette période."), Compact(pdf.GetPage(3).Text), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await c.Professeur.GetAsync(url)).StatusCode);
        await (await c.Pfmp.Collegue.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await c.Pfmp.Eleve.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await c.Pfmp.Ailleurs.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        var sansPeriode = await (await c.Ddftp.GetAsync("/api/bilans/divisions/2MELEC1/export.pdf")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Choisissez la période officielle (periode=)."], sansPeriode.Errors("periode"));
    }

    private static string Compact(string texte) => Blancs().Replace(texte, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blancs();
}
