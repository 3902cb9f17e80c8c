using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Portfolio;
using Cpro.IntegrationTests.Scenarios;
using SkiaSharp;

namespace Cpro.IntegrationTests.Book;

/// <summary>A réussite's photos and documents: checked by content, six at most, 10 MB each; a photo reduced and without its EXIF.</summary>
[Collection(CproCollection.Name)]
public sealed class MediasTests(CproFactory factory)
{
    [Fact]
    public async Task A_photo_is_kept_reduced_and_without_its_gps_position()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        var id = (await LeBook.ReussiteAsync(pfmp.Eleve)).GetProperty("id").GetGuid();
        var original = LeBook.JpegAvecGps();
        Assert.True(Contient(original, "Exif\0\0"u8.ToArray()) && Contient(original, "CamGPS"u8.ToArray()));

        var reponse = await pfmp.Eleve.PostAsync($"{LeBook.Api}/reussites/{id}/medias", Pfmp.Fichier(original, "chantier.jpg"));
        var media = await reponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(reponse.StatusCode == HttpStatusCode.Created, media.ToString());
        Assert.True(media.GetProperty("photo").GetBoolean());

        var lue = await pfmp.Referent.GetAsync($"{LeBook.Api}/reussites/{id}/medias/{media.GetProperty("id")}");
        Assert.Equal("image/jpeg", lue.Content.Headers.ContentType?.MediaType);
        var gardee = await lue.Content.ReadAsByteArrayAsync();
        Assert.Equal(gardee.Length, media.GetProperty("taille").GetInt64());
        Assert.False(Contient(gardee, "Exif\0\0"u8.ToArray()), "les données EXIF restent");
        Assert.False(Contient(gardee, "CamGPS"u8.ToArray()));
        using var image = SKBitmap.Decode(gardee);
        Assert.Equal((1600, 800), (image.Width, image.Height));
    }

    [Fact]
    public async Task A_file_is_checked_by_content_size_and_count()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        var id = (await LeBook.ReussiteAsync(pfmp.Eleve)).GetProperty("id").GetGuid();
        var url = $"{LeBook.Api}/reussites/{id}/medias";
        var deguise = await pfmp.Eleve.PostAsync(url, Pfmp.Fichier("MZ\x90\0 pas une image"u8.ToArray(), "photo.jpg"));
        Assert.Contains("n'est pas accepté", (await deguise.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var gros = await pfmp.Eleve.PostAsync(url, Pfmp.Fichier(new byte[11 * 1024 * 1024], "gros.pdf"));
        await gros.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var vide = await pfmp.Eleve.PostAsync(url, new MultipartFormDataContent());
        await vide.AssertProblemAsync(HttpStatusCode.BadRequest);

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await pfmp.Eleve.PostAsync(url, Pfmp.Fichier(FichiersRessourcesTests.Png, $"p{i}.png"))).StatusCode);
        }
        var septieme = await pfmp.Eleve.PostAsync(url, Pfmp.Fichier(FichiersRessourcesTests.Pdf, "septieme.pdf"));
        Assert.Contains("6 photos ou documents", (await septieme.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var medias = (await pfmp.Eleve.GetFromJsonAsync<JsonElement>($"{LeBook.Api}/reussites/{id}")).GetProperty("medias");
        Assert.Equal(6, medias.GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await pfmp.Eleve.DeleteAsync($"{url}/{medias[0].GetProperty("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await pfmp.Eleve.PostAsync(url, Pfmp.Fichier(FichiersRessourcesTests.Pdf, "doc.pdf"))).StatusCode);
        var document = await pfmp.Eleve.GetAsync($"{url}/{(await pfmp.Eleve.GetFromJsonAsync<JsonElement>($"{LeBook.Api}/reussites/{id}")).GetProperty("medias")[5].GetProperty("id")}");
        Assert.Equal("attachment", document.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Two_uploads_at_once_cannot_both_be_the_sixth()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        var id = (await LeBook.ReussiteAsync(pfmp.Eleve)).GetProperty("id").GetGuid();
        var url = $"{LeBook.Api}/reussites/{id}/medias";
        for (var i = 0; i < 5; i++)
        {
            (await pfmp.Eleve.PostAsync(url, Pfmp.Fichier(FichiersRessourcesTests.Pdf, $"d{i}.pdf"))).EnsureSuccessStatusCode();
        }
        var reponses = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => pfmp.Eleve.PostAsync(url, Pfmp.Fichier(FichiersRessourcesTests.Pdf, $"x{i}.pdf"))));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity], reponses.Select(r => r.StatusCode).Order());
        Assert.Equal(6, (await pfmp.Eleve.GetFromJsonAsync<JsonElement>($"{LeBook.Api}/reussites/{id}")).GetProperty("medias").GetArrayLength());
    }

    [Fact]
    public async Task Medias_count_in_the_establishment_s_quota()
    {
        using var pfmp = await LeBook.CreerAsync(factory);
        var id = (await LeBook.ReussiteAsync(pfmp.Eleve)).GetProperty("id").GetGuid();
        var etablissement = await factory.EtablissementIdAsync(pfmp.Classe.Uai);
        await using (var documents = factory.Documents(etablissement))
        {
            // The establishment's space (500 MB in the tests) already nearly full of another learner's medias.
            documents.Store(new Cpro.Book.Domain.MediaReussite
            {
                ReussiteId = Guid.NewGuid(), ApprenantId = Guid.NewGuid(), NomFichier = "x.pdf", TypeContenu = "application/pdf", Taille = 500L * 1024 * 1024 - 10,
            });
            await documents.SaveChangesAsync();
        }
        var refus = await pfmp.Eleve.PostAsync($"{LeBook.Api}/reussites/{id}/medias", Pfmp.Fichier(FichiersRessourcesTests.Pdf, "doc.pdf"));
        await refus.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Empty((await pfmp.Eleve.GetFromJsonAsync<JsonElement>($"{LeBook.Api}/reussites/{id}")).GetProperty("medias").EnumerateArray());
    }

    private static bool Contient(byte[] octets, byte[] motif) => octets.AsSpan().IndexOf(motif) >= 0;
}
