using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cpro.IntegrationTests.Infrastructure;

namespace Cpro.IntegrationTests.Book;

/// <summary>The book's pages: the DDFTP activates, the learner goes through the three steps and orders, the teacher
/// comments, the print view; the others see a French refusal and nothing of the book.</summary>
[Collection(CproCollection.Name)]
public sealed partial class PagesTests(CproFactory factory)
{
    [Fact]
    public async Task The_ddftp_activates_the_learner_builds_a_reussite_in_three_steps_and_the_teacher_comments()
    {
        using var pfmp = await LeBook.CreerAsync(factory, actif: false);
        Assert.Contains("Le book n'est pas activé pour votre classe.", WebUtility.HtmlDecode(await pfmp.Eleve.GetStringAsync("/book")), StringComparison.Ordinal);
        Assert.Contains("Book activé.", await PosterAsync(pfmp.Ddftp, "/book", "activer", ("actif", "true")), StringComparison.Ordinal);

        var etape1 = WebUtility.HtmlDecode(await pfmp.Eleve.GetStringAsync("/book/nouvelle"));
        Obligatoires.AssertMarques(etape1, "Titre", "Quand");
        var etape2 = await PosterAsync(pfmp.Eleve, "/book/nouvelle", "libre", ("titre", "Mon tableau"), ("lieu", "centreFormation"), ("date", "2026-11-12"));
        Assert.Contains("Réussite commencée", etape2, StringComparison.Ordinal);
        var id = Assert.Single((await pfmp.Eleve.GetFromJsonAsync<JsonElement[]>($"{LeBook.Api}/reussites"))!).GetProperty("id").GetGuid();
        var page = $"/book/reussites/{id}";
        Assert.Contains("Réussite enregistrée.", await PosterAsync(pfmp.Eleve, page, "enregistrer", ("version", "1"), ("titre", "Mon tableau électrique"),
            ("lieu", "centreFormation"), ("date", "2026-11-12"), ("fait", "J'ai câblé."), ("appris", "La rigueur.")), StringComparison.Ordinal);
        var etape3 = await PosterAsync(pfmp.Eleve, $"{page}/competences", "relier", ("version", "2"), ("competences", "C1"), ("competences", "C2"));
        Assert.Contains("Compétences enregistrées.", etape3, StringComparison.Ordinal);
        var lue = await pfmp.Eleve.GetFromJsonAsync<JsonElement>($"{LeBook.Api}/reussites/{id}");
        Assert.Equal(("J'ai câblé.", 2), (lue.GetProperty("ceQueJaiFait").GetString(), lue.GetProperty("competences").GetArrayLength()));

        var professeur = WebUtility.HtmlDecode(await pfmp.Referent.GetStringAsync($"/book/apprenants/{pfmp.Lea}"));
        Assert.Contains("Mon tableau électrique", professeur, StringComparison.Ordinal);
        var vue = WebUtility.HtmlDecode(await pfmp.Referent.GetStringAsync(page));
        Assert.DoesNotContain("Enregistrer la réussite", vue, StringComparison.Ordinal);
        Assert.Contains("Commentaire ajouté.", await PosterAsync(pfmp.Referent, page, "commenter", ("texte", "Beau travail.")), StringComparison.Ordinal);
        Assert.Contains("Beau travail.", WebUtility.HtmlDecode(await pfmp.Eleve.GetStringAsync(page)), StringComparison.Ordinal);

        var impression = WebUtility.HtmlDecode(await pfmp.Eleve.GetStringAsync("/book/impression"));
        Assert.Contains("break-before: page", impression, StringComparison.Ordinal);
        Assert.Contains("Mon tableau électrique", impression, StringComparison.Ordinal);

        var refus = WebUtility.HtmlDecode(await pfmp.Collegue.GetStringAsync($"/book/apprenants/{pfmp.Lea}"));
        Assert.Contains("Seuls l'apprenant, ses professeurs, ses professeurs référents, le DDFTP et le chef d'établissement consultent ce book.", refus, StringComparison.Ordinal);
        Assert.DoesNotContain("Mon tableau électrique", refus, StringComparison.Ordinal);
        Assert.DoesNotContain("Mon tableau électrique", WebUtility.HtmlDecode(await pfmp.Ailleurs.GetStringAsync(page)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_learner_orders_hides_deletes_and_restores_from_the_book_page()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        await LeBook.ReussiteAsync(pfmp.Eleve, LeBook.Libre("Alpha"));
        var b = (await LeBook.ReussiteAsync(pfmp.Eleve, LeBook.Libre("Bravo"))).GetProperty("id").GetGuid();
        Assert.Contains("Ordre enregistré.", await PosterAsync(pfmp.Eleve, "/book", $"monter-{b}"), StringComparison.Ordinal);
        Assert.Contains("« Bravo » est masquée à l'export.", await PosterAsync(pfmp.Eleve, "/book", $"masquer-{b}"), StringComparison.Ordinal);
        Assert.Equal(["Bravo", "Alpha"], (await pfmp.Eleve.GetFromJsonAsync<JsonElement[]>($"{LeBook.Api}/reussites"))!.Select(r => r.GetProperty("titre").GetString()));
        Assert.Contains("dans la corbeille pour 30 jours", await PosterAsync(pfmp.Eleve, "/book", $"supprimer-{b}"), StringComparison.Ordinal);
        Assert.Contains("« Bravo » est de retour dans le book.", await PosterAsync(pfmp.Eleve, "/book", $"restaurer-{b}"), StringComparison.Ordinal);
    }

    /// <summary>Posts a page's form as a browser would (its antiforgery token read from the page), then reads the page it redirects to.</summary>
    private static async Task<string> PosterAsync(HttpClient client, string url, string formulaire, params (string Nom, string Valeur)[] champs)
    {
        var jeton = JetonRegex().Match(await client.GetStringAsync(url)).Groups[1].Value;
        var reponse = await client.PostAsync(url, new FormUrlEncodedContent(
            [new("_handler", formulaire), new("__RequestVerificationToken", jeton), .. champs.Select(c => new KeyValuePair<string, string>(c.Nom, c.Valeur))]));
        Assert.True(reponse.StatusCode == HttpStatusCode.Found, WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync()));
        return WebUtility.HtmlDecode(await client.GetStringAsync(reponse.Headers.Location));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex JetonRegex();
}
