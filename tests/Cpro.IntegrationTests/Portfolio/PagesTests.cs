using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cpro.IntegrationTests.Infrastructure;

namespace Cpro.IntegrationTests.Portfolio;

[Collection(CproCollection.Name)]
public sealed partial class PagesTests(CproFactory factory)
{
    [Fact]
    public async Task The_pages_show_the_portfolio_to_whoever_follows_it_and_nothing_to_the_others()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        await pfmp.FicheAsync(titre: "Câblage du tableau");
        (await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/journal", new { date = "2027-01-05", texte = "Accueil et consignes de sécurité." })).EnsureSuccessStatusCode();
        var page = $"/portfolio/{pfmp.PeriodeId}/{pfmp.Lea}";

        Assert.Contains($"href=\"{page}\"", await pfmp.Eleve.GetStringAsync("/portfolio"), StringComparison.Ordinal);
        Assert.Contains($"href=\"{page}\"", await pfmp.Tuteur.GetStringAsync("/portfolio"), StringComparison.Ordinal);
        var vue = WebUtility.HtmlDecode(await pfmp.Tuteur.GetStringAsync(page));
        Assert.Contains("Câblage du tableau", vue, StringComparison.Ordinal);
        Assert.Contains("Journal de bord", vue, StringComparison.Ordinal);
        Assert.DoesNotContain("Nouvelle fiche activité", vue, StringComparison.Ordinal);
        Obligatoires.AssertMarques(vue, "Votre commentaire");
        var redaction = WebUtility.HtmlDecode(await pfmp.Eleve.GetStringAsync(page));
        Assert.Contains("Nouvelle fiche activité", redaction, StringComparison.Ordinal);
        Obligatoires.AssertMarques(redaction, "Titre", "Date de l'activité", "Date (le jour, ou le lundi de la semaine)", "Ce que j'ai fait");

        var refus = WebUtility.HtmlDecode(await pfmp.Collegue.GetStringAsync(page));
        Assert.Contains("Seuls l'apprenant, ses professeurs référents, son tuteur ou maître d'apprentissage, le DDFTP et le chef d'établissement accèdent à ce portfolio.", refus,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Câblage du tableau", refus, StringComparison.Ordinal);
        Assert.Contains("Cet apprenant n'est pas sur cette période en entreprise.", WebUtility.HtmlDecode(await pfmp.Ailleurs.GetStringAsync($"{page}/bilan")),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_learner_creates_a_fiche_from_the_page_and_the_referent_reviews_it_from_its_page()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        var page = $"/portfolio/{pfmp.PeriodeId}/{pfmp.Lea}";

        var creation = await PosterAsync(pfmp.Eleve, page, "fiche", ("titre", "Repérage du chantier"), ("debut", "2027-01-05"));
        Assert.Contains("Fiche créée : complétez-la, puis soumettez-la.", creation, StringComparison.Ordinal);
        var fiche = Assert.Single((await pfmp.Eleve.GetFromJsonAsync<JsonElement[]>($"{pfmp.Base}/fiches"))!);
        var ficheUrl = $"{page}/fiches/{fiche.GetProperty("id")}";
        Obligatoires.AssertMarques(await pfmp.Eleve.GetStringAsync(ficheUrl), "Titre", "Date", "Photo ou document (10 Mo au plus)");
        Assert.Contains("Fiche soumise à vos professeurs référents.", await PosterAsync(pfmp.Eleve, ficheUrl, "soumettre", ("version", "1")), StringComparison.Ordinal);

        var revue = await PosterAsync(pfmp.Referent, ficheUrl, "reviser", ("version", "2"), ("taches", "T2.3"), ("items", "C1"), ("items", "C2.3"));

        Assert.Contains("Révision enregistrée", revue, StringComparison.Ordinal);
        var bilan = WebUtility.HtmlDecode(await pfmp.Tuteur.GetStringAsync($"{page}/bilan"));
        Assert.Contains("C1 Analyser les conditions", bilan, StringComparison.Ordinal);
        Assert.Contains("Enregistrer le bilan", bilan, StringComparison.Ordinal);
        Assert.DoesNotContain("Finaliser le bilan", bilan, StringComparison.Ordinal);
    }

    /// <summary>Posts a page's form as a browser would (its antiforgery token read from the page), then reads the page it redirects to.</summary>
    private static async Task<string> PosterAsync(HttpClient client, string url, string formulaire, params (string Nom, string Valeur)[] champs)
    {
        var jeton = JetonRegex().Match(await client.GetStringAsync(url)).Groups[1].Value;
        var reponse = await client.PostAsync(url, new FormUrlEncodedContent(
            [new("_handler", formulaire), new("__RequestVerificationToken", jeton), .. champs.Select(c => new KeyValuePair<string, string>(c.Nom, c.Valeur))]));
        // Post/redirect/get: the page that says what was done is read after the redirect.
        Assert.True(reponse.StatusCode == HttpStatusCode.Found, WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync()));
        return WebUtility.HtmlDecode(await client.GetStringAsync(reponse.Headers.Location));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex JetonRegex();
}
