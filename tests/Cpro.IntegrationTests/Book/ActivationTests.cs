using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;

namespace Cpro.IntegrationTests.Book;

/// <summary>The DDFTP turns the book on, for every division or some: until then learners and teachers get 404 and no menu entry.</summary>
[Collection(CproCollection.Name)]
public sealed class ActivationTests(CproFactory factory)
{
    [Fact]
    public async Task Until_the_ddftp_activates_it_the_book_is_hidden_then_it_is_for_the_divisions_named()
    {
        using var pfmp = await LeBook.CreerAsync(factory, actif: false);
        var refus = await (await pfmp.Eleve.GetAsync($"{LeBook.Api}/reussites")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Le book n'est pas activé pour votre classe.", refus.GetProperty("detail").GetString());
        await (await pfmp.Referent.GetAsync($"{LeBook.Api}/apprenants/{pfmp.Lea}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False((await pfmp.Ddftp.GetFromJsonAsync<JsonElement>($"{LeBook.Api}/activation")).GetProperty("actif").GetBoolean());
        var accueil = await pfmp.Eleve.GetStringAsync("/");
        Assert.DoesNotContain("Book des apprenants", accueil);
        Assert.DoesNotContain("Mon book", accueil);

        // On for 2MELEC2 only: Léa (2MELEC1) still has none.
        var activation = await pfmp.Ddftp.PutAsJsonAsync($"{LeBook.Api}/activation", new { actif = true, divisions = new[] { "2MELEC2" } });
        Assert.True(activation.IsSuccessStatusCode, await activation.Content.ReadAsStringAsync());
        await (await pfmp.Eleve.GetAsync($"{LeBook.Api}/reussites")).AssertProblemAsync(HttpStatusCode.NotFound);
        using var nina = await Classe.ClientAsync(factory, pfmp.Classe.Apprenants["Nina"]);
        Assert.Equal(HttpStatusCode.OK, (await nina.GetAsync($"{LeBook.Api}/reussites")).StatusCode);
        var accueilNina = await nina.GetStringAsync("/");
        Assert.Contains("Book des apprenants", accueilNina);
        Assert.Contains("Mon book", accueilNina);
        Assert.DoesNotContain("Book des apprenants", await pfmp.Eleve.GetStringAsync("/"));

        var inconnue = await pfmp.Ddftp.PutAsJsonAsync($"{LeBook.Api}/activation", new { actif = true, divisions = new[] { "9XYZ" } });
        Assert.Contains("9XYZ", (await inconnue.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());

        (await pfmp.Chef.PutAsJsonAsync($"{LeBook.Api}/activation", new { actif = true })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await pfmp.Eleve.GetAsync($"{LeBook.Api}/reussites")).StatusCode);
        var lue = await pfmp.Ddftp.GetFromJsonAsync<JsonElement>($"{LeBook.Api}/activation");
        Assert.True(lue.GetProperty("actif").GetBoolean());
        Assert.Empty(lue.GetProperty("divisions").EnumerateArray());
        accueil = await pfmp.Eleve.GetStringAsync("/");
        Assert.Contains("Book des apprenants", accueil);
        Assert.Contains("Mon book", accueil);
    }

    [Fact]
    public async Task Only_the_ddftp_and_the_head_read_and_set_the_activation()
    {
        using var pfmp = await LeBook.CreerAsync(factory, actif: false);
        foreach (var client in new[] { pfmp.Eleve, pfmp.Referent, pfmp.Collegue, pfmp.Tuteur, pfmp.Classe.Admin })
        {
            await (await client.GetAsync($"{LeBook.Api}/activation")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PutAsJsonAsync($"{LeBook.Api}/activation", new { actif = true })).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        Assert.False((await pfmp.Chef.GetFromJsonAsync<JsonElement>($"{LeBook.Api}/activation")).GetProperty("actif").GetBoolean());
        // Another establishment's DDFTP sets their own: Léa's stays off.
        (await pfmp.Ailleurs.PutAsJsonAsync($"{LeBook.Api}/activation", new { actif = true })).EnsureSuccessStatusCode();
        await (await pfmp.Eleve.GetAsync($"{LeBook.Api}/reussites")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
