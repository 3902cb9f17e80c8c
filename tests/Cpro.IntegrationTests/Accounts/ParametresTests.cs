using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.Etablissements.Contracts;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.IntegrationTests.Accounts;

[Collection(CproCollection.Name)]
public sealed class ParametresTests(CproFactory factory)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Administrator_and_head_edit_the_parameters_that_other_modules_read()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var admin = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        using var chef = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.ChefEtablissement));

        var lus = await admin.GetFromJsonAsync<JsonElement>($"/api/etablissements/{uai}/parametres");
        Assert.Equal(uai, lus.GetProperty("uai").GetString());
        Assert.False(lus.GetProperty("transfertsAutorises").GetBoolean());
        var response = await chef.PutAsJsonAsync($"/api/etablissements/{uai}/parametres", new
        {
            nom = "Lycée des métiers Jean Jaurès", email = "ce@example.org", adresse = "1 rue de l'École, 75001 Paris",
            transfertsAutorises = true, accesInspecteurAutorise = true, version = lus.GetProperty("version").GetUInt32(),
        });
        var modifies = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1 rue de l'École, 75001 Paris", modifies.GetProperty("adresse").GetString());
        Assert.NotEqual(lus.GetProperty("version").GetUInt32(), modifies.GetProperty("version").GetUInt32());
        using var scope = factory.Services.CreateScope();
        var partages = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ObtenirParametresEtablissement(await EtablissementIdAsync(uai)));
        Assert.True(partages.TransfertsAutorises);
        Assert.True(partages.AccesInspecteurAutorise);
        Assert.Equal("Lycée des métiers Jean Jaurès", partages.Nom);
    }

    [Fact]
    public async Task An_edit_from_a_stale_copy_gets_409_and_changes_nothing()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var admin = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/etablissements/{uai}/parametres")).GetProperty("version").GetUInt32();
        var premier = await admin.PutAsJsonAsync($"/api/etablissements/{uai}/parametres", new { nom = "Premier", email = "a@example.org", version });
        Assert.Equal(HttpStatusCode.OK, premier.StatusCode);

        var second = await admin.PutAsJsonAsync($"/api/etablissements/{uai}/parametres", new { nom = "Second", email = "b@example.org", version });

        var problem = await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("modifiés par quelqu'un d'autre", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Premier", (await admin.GetFromJsonAsync<JsonElement>($"/api/etablissements/{uai}/parametres")).GetProperty("nom").GetString());
    }

    [Fact]
    public async Task Name_and_email_are_required_and_invalid_fields_get_french_messages()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var admin = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));

        var response = await admin.PutAsJsonAsync($"/api/etablissements/{uai}/parametres", new { nom = "", email = "pas-une-adresse", version = 0 });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Le nom de l'établissement est obligatoire."], problem.Errors("nom"));
        Assert.Equal(["L'adresse électronique n'est pas valide."], problem.Errors("email"));
    }

    [Fact]
    public async Task Accounts_wait_for_the_establishment_email_as_in_cpro()
    {
        var uai = TestUai.Next();
        using (var plateforme = await factory.AdminClientAsync())
        {
            Assert.Equal(HttpStatusCode.Created, (await plateforme.PostAsJsonAsync("/api/etablissements", new { uai, nom = "Lycée sans adresse" })).StatusCode);
        }
        using var admin = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        var parametres = await admin.GetFromJsonAsync<JsonElement>($"/api/etablissements/{uai}/parametres");
        Assert.False(parametres.GetProperty("peutCreerUtilisateurs").GetBoolean());
        var utilisateur = new { nom = "Durand", prenom = "Paul", email = "paul.durand@example.org", profil = Profils.Tuteur };

        var refuse = await admin.PostAsJsonAsync($"/api/etablissements/{uai}/utilisateurs", utilisateur);
        Assert.Contains("nom et l'adresse électronique de l'établissement", (await refuse.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        await admin.PutAsJsonAsync($"/api/etablissements/{uai}/parametres", new
        {
            nom = "Lycée sans adresse", email = "ce@example.org", version = parametres.GetProperty("version").GetUInt32(),
        });
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/etablissements/{uai}/utilisateurs", utilisateur)).StatusCode);
    }

    [Fact]
    public async Task The_logo_is_a_png_or_jpeg_recognised_by_its_content_and_seen_by_the_establishment_only()
    {
        var uai = await factory.CreerEtablissementAsync();
        var autre = await factory.CreerEtablissementAsync();
        using var admin = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        using var enseignant = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Enseignant));
        using var etranger = await factory.ClientAsync(await factory.CreerUtilisateurAsync(autre, Profils.Administrateur));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsync($"/api/etablissements/{uai}/logo", Logo(Png, "logo.png"))).StatusCode);
        var lu = await enseignant.GetAsync($"/api/etablissements/{uai}/logo");
        Assert.Equal("image/png", lu.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await lu.Content.ReadAsByteArrayAsync());
        await (await etranger.GetAsync($"/api/etablissements/{uai}/logo")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await etranger.PutAsync($"/api/etablissements/{uai}/logo", Logo(Png, "logo.png"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await enseignant.PutAsync($"/api/etablissements/{uai}/logo", Logo(Png, "logo.png"))).AssertProblemAsync(HttpStatusCode.Forbidden);

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
        var refuse = await admin.PutAsync($"/api/etablissements/{uai}/logo", Logo(svg, "logo.png"));
        Assert.Equal("Le logo doit être une image PNG ou JPEG.", (await refuse.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var enorme = new byte[600 * 1024];
        Png.CopyTo(enorme, 0);
        await (await admin.PutAsync($"/api/etablissements/{uai}/logo", Logo(enorme, "logo.png"))).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(Png, await enseignant.GetByteArrayAsync($"/api/etablissements/{uai}/logo"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/etablissements/{uai}/logo")).StatusCode);
        await (await enseignant.GetAsync($"/api/etablissements/{uai}/logo")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Parameters_are_refused_to_other_profiles_other_establishments_and_anonymous_callers()
    {
        var uai = await factory.CreerEtablissementAsync();
        var autre = await factory.CreerEtablissementAsync();
        using var ddftp = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Ddftp));
        using var etranger = await factory.ClientAsync(await factory.CreerUtilisateurAsync(autre, Profils.Administrateur));
        using var anonyme = factory.CreateClient();
        var corps = new { nom = "Pirate", email = "x@example.org", version = 0 };

        foreach (var client in new[] { ddftp, etranger })
        {
            await (await client.GetAsync($"/api/etablissements/{uai}/parametres")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PutAsJsonAsync($"/api/etablissements/{uai}/parametres", corps)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.DeleteAsync($"/api/etablissements/{uai}/logo")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonyme.GetAsync($"/api/etablissements/{uai}/parametres")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonyme.GetAsync($"/api/etablissements/{uai}/logo")).StatusCode);
        using var plateforme = await factory.AdminClientAsync();
        Assert.NotEqual("Pirate", (await plateforme.GetFromJsonAsync<JsonElement>($"/api/etablissements/{uai}/parametres")).GetProperty("nom").GetString());
    }

    private static MultipartFormDataContent Logo(byte[] contenu, string nom)
    {
        var partie = new ByteArrayContent(contenu);
        partie.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { partie, "logo", nom } };
    }

    private Task<Guid> EtablissementIdAsync(string uai) => factory.EtablissementIdAsync(uai);
}
