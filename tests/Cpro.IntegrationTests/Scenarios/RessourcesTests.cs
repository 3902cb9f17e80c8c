using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Fichiers;
using Cpro.Scenarios.Domain;
using Cpro.Scenarios.Features;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.IntegrationTests.Scenarios;

[Collection(CproCollection.Name)]
public sealed class RessourcesTests(CproFactory factory)
{
    [Fact]
    public async Task The_author_attaches_a_file_the_team_downloads_it_as_an_attachment_and_the_author_removes_it()
    {
        using var equipe = await EquipeScenarios.CreerAsync(factory);
        var id = (await equipe.ScenarioAsync()).GetProperty("id");

        var depot = await equipe.Auteur.PostAsync($"/api/scenarios/{id}/ressources", Fichier(FichiersRessourcesTests.Pdf, "../../Documents/Schéma électrique.pdf"));

        Assert.Equal(HttpStatusCode.Created, depot.StatusCode);
        var ressource = await depot.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Schéma électrique.pdf", ressource.GetProperty("nomFichier").GetString());
        Assert.Equal("application/pdf", ressource.GetProperty("typeContenu").GetString());
        Assert.Equal(FichiersRessourcesTests.Pdf.Length, ressource.GetProperty("taille").GetInt64());
        Assert.Equal(depot.Headers.Location?.OriginalString, $"/api/scenarios/{id}/ressources/{ressource.GetProperty("id")}");
        var lu = await equipe.Collegue.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}");
        Assert.Equal(["Schéma électrique.pdf"], lu.GetProperty("ressources").EnumerateArray().Select(r => r.GetProperty("nomFichier").GetString()));

        var telechargement = await equipe.Ddftp.GetAsync(depot.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, telechargement.StatusCode);
        Assert.Equal(FichiersRessourcesTests.Pdf, await telechargement.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", telechargement.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", telechargement.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Schéma électrique.pdf", telechargement.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(["nosniff"], telechargement.Headers.GetValues("X-Content-Type-Options"));

        Assert.Equal(HttpStatusCode.NoContent, (await equipe.Auteur.DeleteAsync(depot.Headers.Location)).StatusCode);
        await (await equipe.Auteur.GetAsync(depot.Headers.Location)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await equipe.Auteur.DeleteAsync(depot.Headers.Location)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Co_authors_attach_files_other_teachers_only_read_them_and_other_establishments_and_learners_get_nothing()
    {
        using var equipe = await EquipeScenarios.CreerAsync(factory);
        var coAuteur = await factory.CreerUtilisateurAsync(equipe.Uai, Cpro.Kernel.Identity.Profils.Enseignant);
        var id = (await equipe.ScenarioAsync(new { coAuteurs = new[] { await UtilisateurIdAsync(coAuteur) } })).GetProperty("id");
        using var coAuteurClient = await factory.ClientAsync(coAuteur);

        var depot = await coAuteurClient.PostAsync($"/api/scenarios/{id}/ressources", Fichier(FichiersRessourcesTests.Png, "schema.png"));
        Assert.Equal(HttpStatusCode.Created, depot.StatusCode);
        var adresse = depot.Headers.Location!;

        var refus = await (await equipe.Collegue.PostAsync($"/api/scenarios/{id}/ressources", Fichier(FichiersRessourcesTests.Png, "autre.png")))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.StartsWith("Seuls l'auteur et les co-auteurs", refus.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await equipe.Collegue.DeleteAsync(adresse)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await equipe.Collegue.GetAsync(adresse)).StatusCode);

        await (await equipe.Etranger.PostAsync($"/api/scenarios/{id}/ressources", Fichier(FichiersRessourcesTests.Png, "x.png"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await equipe.Etranger.GetAsync(adresse)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await equipe.Etranger.DeleteAsync(adresse)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await equipe.Eleve.PostAsync($"/api/scenarios/{id}/ressources", Fichier(FichiersRessourcesTests.Png, "x.png"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await equipe.Eleve.GetAsync(adresse)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await equipe.Eleve.DeleteAsync(adresse)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var autreScenario = (await equipe.ScenarioAsync()).GetProperty("id");
        await (await equipe.Auteur.GetAsync($"/api/scenarios/{autreScenario}/ressources/{adresse.OriginalString.Split('/')[^1]}"))
            .AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await equipe.Auteur.DeleteAsync(adresse)).StatusCode);
    }

    [Fact]
    public async Task A_file_over_10_MB_gets_413_and_an_empty_or_missing_file_400()
    {
        using var equipe = await EquipeScenarios.CreerAsync(factory);
        var id = (await equipe.ScenarioAsync()).GetProperty("id");
        var enorme = new byte[DeposerRessource.TailleMax + 1];
        FichiersRessourcesTests.Pdf.CopyTo(enorme, 0);

        var trop = await (await equipe.Auteur.PostAsync($"/api/scenarios/{id}/ressources", Fichier(enorme, "gros.pdf")))
            .AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Le fichier dépasse la taille autorisée (10 Mo par ressource).", trop.GetProperty("detail").GetString());
        var juste = new byte[DeposerRessource.TailleMax];
        FichiersRessourcesTests.Pdf.CopyTo(juste, 0);
        Assert.Equal(HttpStatusCode.Created, (await equipe.Auteur.PostAsync($"/api/scenarios/{id}/ressources", Fichier(juste, "juste.pdf"))).StatusCode);

        var vide = await (await equipe.Auteur.PostAsync($"/api/scenarios/{id}/ressources", Fichier([], "vide.pdf"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Le fichier est vide."], vide.Errors("fichier"));
        using var sansFichier = new MultipartFormDataContent { { new StringContent("x"), "autre" } };
        var manque = await (await equipe.Auteur.PostAsync($"/api/scenarios/{id}/ressources", sansFichier)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Aucun fichier reçu : choisissez le fichier de la ressource puis envoyez-le.", manque.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Only_accepted_types_whose_content_matches_their_extension_are_kept()
    {
        using var equipe = await EquipeScenarios.CreerAsync(factory);
        var id = (await equipe.ScenarioAsync()).GetProperty("id");
        var docx = new DocumentScenario("Fiche", "Auteur", default, default, [new Paragraphe(null, "Consignes")]);

        foreach (var (contenu, nom, type) in new[]
                 {
                     (docx.Docx(), "fiche.docx", DocumentScenario.TypeDocx),
                     (docx.Odt(), "fiche.odt", DocumentScenario.TypeOdt),
                     ("Consignes : couper l'alimentation.\n"u8.ToArray(), "consignes.txt", "text/plain; charset=utf-8"),
                 })
        {
            var depot = await equipe.Auteur.PostAsync($"/api/scenarios/{id}/ressources", Fichier(contenu, nom));
            Assert.Equal(HttpStatusCode.Created, depot.StatusCode);
            Assert.Equal(type, (await depot.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("typeContenu").GetString());
        }
        foreach (var (contenu, nom) in new[]
                 {
                     (FichiersRessourcesTests.Png, "schema.pdf"),
                     (docx.Odt(), "fiche.docx"),
                     ("<html><script>alert(1)</script></html>"u8.ToArray(), "page.html"),
                     ("MZ\u0090\u0000"u8.ToArray(), "setup.exe"),
                     ([0x63, 0x61, 0x66, 0xE9], "latin1.txt"),
                 })
        {
            var refus = await (await equipe.Auteur.PostAsync($"/api/scenarios/{id}/ressources", Fichier(contenu, nom)))
                .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal($"« {nom} » n'est pas accepté : son type n'est pas admis ou son contenu ne correspond pas à son extension. Types acceptés : {TypeFichier.Acceptes}.",
                refus.GetProperty("detail").GetString());
        }
        var lu = await equipe.Auteur.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}");
        Assert.Equal(3, lu.GetProperty("ressources").GetArrayLength());
    }

    [Fact]
    public async Task A_file_that_would_exceed_the_establishments_space_gets_422_with_the_space_used()
    {
        using var equipe = await EquipeScenarios.CreerAsync(factory);
        var id = (await equipe.ScenarioAsync()).GetProperty("id").GetGuid();
        await OccuperAsync(equipe.Uai, id, Quota() - Mo);

        var refus = await (await equipe.Auteur.PostAsync($"/api/scenarios/{id}/ressources", Fichier(Pdf(2 * Mo), "plan.pdf")))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("L'espace des fichiers de l'établissement (ressources et pièces jointes) serait dépassé (499 Mo utilisés sur 500 Mo) : supprimez des fichiers.",
            refus.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, (await equipe.Auteur.PostAsync($"/api/scenarios/{id}/ressources", Fichier(FichiersRessourcesTests.Pdf, "fiche.pdf"))).StatusCode);
    }

    [Fact]
    public async Task Uploads_at_the_same_moment_fill_the_space_left_and_no_more()
    {
        using var equipe = await EquipeScenarios.CreerAsync(factory);
        var id = (await equipe.ScenarioAsync()).GetProperty("id").GetGuid();
        var quota = Quota();
        var etablissementId = await OccuperAsync(equipe.Uai, id, quota - 5 * Mo / 2);

        // Each fits alone in the 2.5 MB left; only two fit together.
        var reponses = await Task.WhenAll(Enumerable.Range(1, 8)
            .Select(i => equipe.Auteur.PostAsync($"/api/scenarios/{id}/ressources", Fichier(Pdf(Mo), $"plan{i}.pdf"))));

        Assert.Equal(2, reponses.Count(r => r.StatusCode == HttpStatusCode.Created));
        await AssertRefusAsync(reponses.Where(r => r.StatusCode != HttpStatusCode.Created));
        Assert.Equal(quota - Mo / 2, await UtiliseAsync(etablissementId));
    }

    [Fact]
    public async Task Uploads_duplicates_and_shares_into_one_establishment_at_the_same_moment_fill_the_space_left_and_no_more()
    {
        using var equipe = await EquipeScenarios.CreerAsync(factory);
        var id = (await equipe.ScenarioAsync()).GetProperty("id").GetGuid();
        // Duplicated while files go to the other one, so that each duplicate copies 1 MB.
        var modele = (await equipe.ScenarioAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await equipe.Auteur.PostAsync($"/api/scenarios/{modele}/ressources", Fichier(Pdf(Mo), "cours.pdf"))).StatusCode);
        var creation = await equipe.Etranger.PostAsJsonAsync("/api/scenarios",
            new { referentiel = EquipeScenarios.Referentiel, niveauClasse = "SECONDE", titre = "Éclairage d'un atelier" });
        var ailleurs = (await creation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await equipe.Etranger.PostAsync($"/api/scenarios/{ailleurs}/ressources", Fichier(Pdf(Mo), "plan.pdf"))).StatusCode);
        var quota = Quota();
        var etablissementId = await OccuperAsync(equipe.Uai, id, quota - 5 * Mo / 2 - Mo);

        // Each adds 1 MB to the establishment: two fit in the 2.5 MB left. Meanwhile a share the other way succeeds.
        var ajouts = Task.WhenAll(Enumerable.Range(1, 3).SelectMany(i => new[]
        {
            equipe.Auteur.PostAsync($"/api/scenarios/{id}/ressources", Fichier(Pdf(Mo), $"schema{i}.pdf")),
            equipe.Collegue.PostAsync($"/api/scenarios/{modele}/duplication", null),
            equipe.Etranger.PostAsJsonAsync($"/api/scenarios/{ailleurs}/partages", new { uai = equipe.Uai }),
        }));
        var inverse = equipe.Auteur.PostAsJsonAsync($"/api/scenarios/{modele}/partages", new { uai = equipe.AutreUai });
        var reponses = await ajouts;

        Assert.Equal(HttpStatusCode.OK, (await inverse).StatusCode);
        Assert.Equal(2, reponses.Count(r => r.IsSuccessStatusCode));
        await AssertRefusAsync(reponses.Where(r => !r.IsSuccessStatusCode));
        Assert.Equal(quota - Mo / 2, await UtiliseAsync(etablissementId));
    }

    [Fact]
    public async Task Duplicating_a_scenario_copies_its_resources_with_their_content()
    {
        using var equipe = await EquipeScenarios.CreerAsync(factory);
        var id = (await equipe.ScenarioAsync()).GetProperty("id");
        await equipe.Auteur.PostAsync($"/api/scenarios/{id}/ressources", Fichier(FichiersRessourcesTests.Pdf, "cours.pdf"));
        await equipe.Auteur.PostAsync($"/api/scenarios/{id}/ressources", Fichier(FichiersRessourcesTests.Png, "schema.png"));

        var duplication = await equipe.Collegue.PostAsync($"/api/scenarios/{id}/duplication", null);

        Assert.Equal(HttpStatusCode.Created, duplication.StatusCode);
        var copie = await duplication.Content.ReadFromJsonAsync<JsonElement>();
        var ressources = copie.GetProperty("ressources").EnumerateArray().ToList();
        Assert.Equal(["cours.pdf", "schema.png"], ressources.Select(r => r.GetProperty("nomFichier").GetString()).Order(StringComparer.Ordinal));
        var png = ressources.Single(r => r.GetProperty("nomFichier").GetString() == "schema.png").GetProperty("id");
        Assert.Equal(FichiersRessourcesTests.Png, await equipe.Collegue.GetByteArrayAsync($"/api/scenarios/{copie.GetProperty("id")}/ressources/{png}"));
        // The copy's resources are its own: its author may remove them, the original keeps its own.
        Assert.Equal(HttpStatusCode.NoContent, (await equipe.Collegue.DeleteAsync($"/api/scenarios/{copie.GetProperty("id")}/ressources/{png}")).StatusCode);
        Assert.Equal(2, (await equipe.Auteur.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}")).GetProperty("ressources").GetArrayLength());
    }

    private const long Mo = 1024 * 1024;

    private long Quota()
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<EspaceFichiers>().Quota;
    }

    /// <summary>A PDF of this size.</summary>
    private static byte[] Pdf(long taille)
    {
        var contenu = new byte[taille];
        FichiersRessourcesTests.Pdf.CopyTo(contenu, 0);
        return contenu;
    }

    /// <summary>Fills the scenario's establishment with these bytes, without uploading hundreds of megabytes; returns its id.</summary>
    private async Task<Guid> OccuperAsync(string uai, Guid scenarioId, long taille)
    {
        var etablissementId = await factory.EtablissementIdAsync(uai);
        await using var documents = factory.Documents(etablissementId);
        var occupe = new Ressource
        {
            ScenarioId = scenarioId, NomFichier = "archives.pdf", TypeContenu = "application/pdf", Taille = taille, AjoutePar = "test",
        };
        documents.Insert(occupe);
        documents.Insert(new ContenuRessource { Id = occupe.Id, Contenu = FichiersRessourcesTests.Pdf });
        await documents.SaveChangesAsync();
        return etablissementId;
    }

    private async Task<long> UtiliseAsync(Guid etablissementId)
    {
        await using var documents = factory.Documents(etablissementId);
        return await documents.Query<Ressource>().SumAsync(r => r.Taille);
    }

    /// <summary>The space is checked one addition at a time: the refused ones all come after the two accepted, over 2.5 MB left.</summary>
    private static async Task AssertRefusAsync(IEnumerable<HttpResponseMessage> refus)
    {
        foreach (var reponse in refus)
        {
            var probleme = await reponse.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal("L'espace des fichiers de l'établissement (ressources et pièces jointes) serait dépassé (499,5 Mo utilisés sur 500 Mo) : supprimez des fichiers.",
                probleme.GetProperty("detail").GetString());
        }
    }

    private static MultipartFormDataContent Fichier(byte[] contenu, string nom)
    {
        var partie = new ByteArrayContent(contenu);
        // The declared type is ignored: the content decides.
        partie.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { partie, "fichier", nom } };
    }

    private async Task<Guid> UtilisateurIdAsync(string login)
    {
        await using var session = factory.Documents();
        return (await session.Query<Cpro.Etablissements.Domain.Utilisateur>().SingleAsync(u => u.AnyTenant() && u.Identifiants.Login == login)).Id;
    }
}
