using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;

namespace Cpro.IntegrationTests.Api;

[Collection(CproCollection.Name)]
public sealed class EtablissementsTests(CproFactory factory)
{
    [Fact]
    public async Task Platform_administrator_creates_an_establishment()
    {
        using var admin = await factory.AdminClientAsync();
        var uai = TestUai.Next();

        var response = await admin.PostAsJsonAsync("/api/etablissements", new { uai = uai.ToLowerInvariant(), nom = " Lycée Jean Jaurès ", email = "ce@example.org" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/etablissements/{uai}", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(uai, body.GetProperty("uai").GetString());
        Assert.Equal("Lycée Jean Jaurès", body.GetProperty("nom").GetString());
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/etablissements");
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("uai").GetString() == uai);
    }

    [Theory]
    [InlineData("0752387A", "L'UAI doit comporter 7 chiffres suivis de sa lettre de contrôle (ex. 0752387M).")]
    [InlineData("075238M", "L'UAI doit comporter 7 chiffres suivis de sa lettre de contrôle (ex. 0752387M).")]
    [InlineData("", "L'UAI est obligatoire.")]
    public async Task Invalid_uai_gets_400_with_a_French_message(string uai, string message)
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/etablissements", new { uai, nom = "Lycée", email = "ce@example.org" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([message], problem.Errors("uai"));
    }

    [Fact]
    public async Task Known_uai_with_its_check_letter_is_valid()
    {
        using var admin = await factory.AdminClientAsync();

        // 0752387M is the glossary's example; it may exist from an earlier test of this run only once.
        var response = await admin.PostAsJsonAsync("/api/etablissements", new { uai = "0752387M", nom = "Lycée exemple", email = "ce@example.org" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Missing_name_and_invalid_email_get_400_per_field()
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/etablissements", new { uai = TestUai.Next(), nom = "", email = "pas-une-adresse" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Le nom de l'établissement est obligatoire."], problem.Errors("nom"));
        Assert.Equal(["L'adresse électronique n'est pas valide."], problem.Errors("email"));
    }

    [Fact]
    public async Task Duplicate_uai_gets_409_and_nothing_changes()
    {
        var uai = await factory.CreerEtablissementAsync("Premier");
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/etablissements", new { uai, nom = "Second", email = "ce@example.org" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"Un établissement d'UAI {uai} existe déjà.", problem.GetProperty("detail").GetString());
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/etablissements");
        Assert.Equal("Premier", list.EnumerateArray().Single(e => e.GetProperty("uai").GetString() == uai).GetProperty("nom").GetString());
    }
}
