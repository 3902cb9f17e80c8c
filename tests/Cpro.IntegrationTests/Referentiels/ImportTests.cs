using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using Cpro.Referentiels.Contracts;
using static Cpro.IntegrationTests.Referentiels.Fichiers;

namespace Cpro.IntegrationTests.Referentiels;

/// <summary>The platform administrator imports référentiel files; nobody else may.</summary>
[Collection(CproCollection.Name)]
public sealed class ImportTests(CproFactory factory)
{
    [Fact]
    public async Task Platform_administrator_checks_imports_then_replaces_a_new_referentiel()
    {
        var code = NouveauCode();
        var fichier = Valide(code);
        using var admin = await factory.AdminClientAsync();

        var simulation = await admin.PostAsync("/api/referentiels?simulation=true", Formulaire(fichier.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, simulation.StatusCode);
        var verifie = await simulation.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(verifie.GetProperty("simulation").GetBoolean());
        Assert.Equal("creation", verifie.GetProperty("operation").GetString());
        await (await admin.GetAsync($"/api/referentiels/{code}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var import = await admin.PostAsync("/api/referentiels", Formulaire(fichier.ToJsonString()));

        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        Assert.Equal($"/api/referentiels/{code}", import.Headers.Location!.OriginalString);
        var cree = (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("referentiel");
        Assert.Equal((code, "import", $"Essai {code}"), (cree.GetProperty("code").GetString(), cree.GetProperty("source").GetString(), cree.GetProperty("intitule").GetString()));
        var version = cree.GetProperty("version").GetString();
        var arbre = (await admin.GetFromJsonAsync<ReferentielDto>($"/api/referentiels/{code}"))!;
        Assert.Equal(version, arbre.Version);
        Assert.Equal(["C1.1", "C1.2"], arbre.Competences[0].Criteres.Select(c => c.Code));
        Assert.Equal(["B1"], arbre.Competences[1].Blocs);
        Assert.Equal("A2", Assert.Single(arbre.ActivitesTransversales).Code);

        // Indentation is not content: the same version.
        var memeContenu = await admin.PostAsync("/api/referentiels", Formulaire(fichier.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
        Assert.Equal(HttpStatusCode.OK, memeContenu.StatusCode);
        Assert.Equal("inchange", (await memeContenu.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("operation").GetString());

        fichier["intitule"] = "Essai, seconde version";
        var remplacement = await admin.PostAsync("/api/referentiels", Formulaire(fichier.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, remplacement.StatusCode);
        var remplace = await remplacement.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("remplacement", remplace.GetProperty("operation").GetString());
        Assert.NotEqual(version, remplace.GetProperty("referentiel").GetProperty("version").GetString());
        var liste = (await admin.GetFromJsonAsync<JsonElement[]>("/api/referentiels"))!;
        Assert.Equal("Essai, seconde version", liste.Single(r => r.GetProperty("code").GetString() == code).GetProperty("intitule").GetString());
    }

    [Fact]
    public async Task A_shipped_referentiel_is_not_replaced_by_an_import()
    {
        using var admin = await factory.AdminClientAsync();
        var avant = (await admin.GetFromJsonAsync<ReferentielDto>("/api/referentiels/BACPRO-MELEC"))!;

        var reponse = await admin.PostAsync("/api/referentiels", Formulaire(Valide("BACPRO-MELEC").ToJsonString()));

        var probleme = await reponse.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("catalogue livré avec Cpro", probleme.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(avant.Version, (await admin.GetFromJsonAsync<ReferentielDto>("/api/referentiels/BACPRO-MELEC"))!.Version);
    }

    [Fact]
    public async Task Only_the_platform_administrator_imports()
    {
        var uai = await factory.CreerEtablissementAsync();
        var code = NouveauCode();
        using var anonyme = factory.CreateClient();

        foreach (var profil in new[] { Profils.Administrateur, Profils.Ddftp, Profils.Enseignant })
        {
            using var client = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, profil));
            var reponse = await client.PostAsync("/api/referentiels", Formulaire(Valide(code).ToJsonString()));
            Assert.Contains("administrateur de la plateforme", (await reponse.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonyme.PostAsync("/api/referentiels", Formulaire(Valide(code).ToJsonString()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonyme.GetAsync("/api/referentiels")).StatusCode);
        using var admin = await factory.AdminClientAsync();
        await (await admin.GetAsync($"/api/referentiels/{code}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
