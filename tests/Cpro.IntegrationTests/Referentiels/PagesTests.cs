using System.Net;
using System.Net.Http.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using static Cpro.IntegrationTests.Referentiels.Fichiers;

namespace Cpro.IntegrationTests.Referentiels;

/// <summary>The module's pages, read as HTML, for each profile.</summary>
[Collection(CproCollection.Name)]
public sealed class PagesTests(CproFactory factory)
{
    [Fact]
    public async Task Teachers_list_and_read_the_subscribed_diplomas_only()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var ddftp = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Ddftp));
        using var enseignant = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Enseignant));
        Assert.Contains("n'est abonné à aucun diplôme", await enseignant.GetStringAsync("/referentiels"), StringComparison.Ordinal);
        (await ddftp.PutAsJsonAsync("/api/referentiels/abonnements/BACPRO-ICCER", new { niveaux = Array.Empty<object>() })).EnsureSuccessStatusCode();

        var liste = await enseignant.GetStringAsync("/referentiels");
        var arbre = await enseignant.GetStringAsync("/referentiels/BACPRO-ICCER");
        var cache = await enseignant.GetStringAsync("/referentiels/BACPRO-MELEC");

        Assert.Contains("href=\"/referentiels/BACPRO-ICCER\"", liste, StringComparison.Ordinal);
        Assert.DoesNotContain("BACPRO-MELEC", liste, StringComparison.Ordinal);
        Assert.DoesNotContain("Gérer les abonnements", liste, StringComparison.Ordinal);
        Assert.Contains("<h2>Blocs de compétences</h2>", arbre, StringComparison.Ordinal);
        Assert.Contains("<h2>Activités transversales</h2>", arbre, StringComparison.Ordinal);
        Assert.Contains("<h2>Compétences communes de la famille de métiers</h2>", arbre, StringComparison.Ordinal);
        Assert.Contains("<summary><strong>C1</strong> — ", arbre, StringComparison.Ordinal);
        Assert.Contains("<li><strong>C1.1</strong> ", arbre, StringComparison.Ordinal);
        Assert.Contains("Référentiel BACPRO-MELEC introuvable.", cache, StringComparison.Ordinal);
        Assert.DoesNotContain("Électricité", cache, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Managers_see_the_whole_catalogue_with_its_state_and_the_subscription_page()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var chef = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.ChefEtablissement));
        using var enseignant = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Enseignant));
        (await chef.PutAsJsonAsync("/api/referentiels/abonnements/BACPRO-MEE", new { niveaux = Array.Empty<object>() })).EnsureSuccessStatusCode();

        var liste = await chef.GetStringAsync("/referentiels");
        var abonnements = await chef.GetStringAsync("/referentiels/abonnements");
        var accueil = await chef.GetStringAsync("/");

        Assert.Contains("<th scope=\"col\">Abonnement</th>", liste, StringComparison.Ordinal);
        Assert.Contains("href=\"/referentiels/BACPRO-CIEL\"", liste, StringComparison.Ordinal);
        Assert.Contains("href=\"/referentiels/abonnements\"", accueil, StringComparison.Ordinal);
        Assert.Contains("<h1>Abonnements aux diplômes</h1>", abonnements, StringComparison.Ordinal);
        Assert.Contains("L'établissement n'a encore aucune division", abonnements, StringComparison.Ordinal);
        // The diploma by its name and kind; its code stays in the catalogue.
        Assert.Contains("<p>Baccalauréat professionnel · <strong>Abonné</strong>", abonnements, StringComparison.Ordinal);
        Assert.DoesNotContain("· BACPRO-MEE ·", abonnements, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Se désabonner de Maintenance et Efficacité Énergétique\"", abonnements, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await enseignant.GetAsync("/referentiels/abonnements")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chef.GetAsync("/referentiels/import")).StatusCode);
    }

    [Fact]
    public async Task Platform_administrator_sees_the_catalogue_and_the_import_page()
    {
        var code = NouveauCode();
        using var admin = await factory.AdminClientAsync();
        (await admin.PostAsync("/api/referentiels", Formulaire(Valide(code).ToJsonString()))).EnsureSuccessStatusCode();

        var liste = await admin.GetStringAsync("/referentiels");
        var import = await admin.GetStringAsync("/referentiels/import");
        var accueil = await admin.GetStringAsync("/");

        Assert.Contains("<th scope=\"col\">Origine</th>", liste, StringComparison.Ordinal);
        Assert.Contains($"href=\"/referentiels/{code}\"", liste, StringComparison.Ordinal);
        Assert.Contains("Importé", liste, StringComparison.Ordinal);
        Assert.Contains("Livré avec Cpro", liste, StringComparison.Ordinal);
        Assert.Contains("href=\"/referentiels/import\"", accueil, StringComparison.Ordinal);
        Assert.Contains("<input type=\"file\" id=\"fichier\" name=\"fichier\"", import, StringComparison.Ordinal);
        Assert.Contains(">Vérifier</button>", import, StringComparison.Ordinal);
        Obligatoires.AssertMarques(import, "Fichier du référentiel");
    }
}
