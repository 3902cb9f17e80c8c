using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Cpro.IntegrationTests.Infrastructure;

namespace Cpro.IntegrationTests.Scenarios;

[Collection(CproCollection.Name)]
public sealed class ExporterScenarioTests(CproFactory factory)
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    [Fact]
    public async Task The_team_exports_a_docx_with_the_title_the_sections_and_the_referentiels_labels()
    {
        using var equipe = await EquipeScenarios.CreerAsync(factory);
        var referentiel = await EquipeScenarios.ReferentielAsync(factory);
        var competence = referentiel.Competences.First(c => c.Criteres.Count > 0);
        var critere = competence.Criteres[0];
        var scenario = await equipe.ScenarioAsync(new
        {
            titre = DocumentScenarioTests.TitrePiege, situationProfessionnelle = "Rénovation d'un logement", criteres = new[] { critere.Code },
        });

        var response = await equipe.Ddftp.GetAsync($"/api/scenarios/{scenario.GetProperty("id")}/export?format=docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Câblage _d'un_ _tableau_ & mise en œuvre – 1_2.docx", disposition.FileNameStar);
        Assert.Equal("Cablage _d'un_ _tableau_ & mise en _uvre _ 1_2.docx", disposition.FileName);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var paragraphes = DocumentScenarioTests.Xml(zip, "word/document.xml").Descendants(W + "p")
            .Select(p => string.Concat(p.Descendants(W + "t").Select(t => t.Value))).ToList();
        Assert.Equal(DocumentScenarioTests.TitrePiege, paragraphes[0]);
        Assert.Contains("Liaison avec le référentiel", paragraphes);
        Assert.Contains("Rénovation d'un logement", paragraphes);
        Assert.Contains($"{competence.Code} – {competence.Intitule}", paragraphes);
        Assert.Contains($"{critere.Code} – {critere.Intitule}", paragraphes);
        Assert.Contains($"Diplôme : {referentiel.Intitule} ({referentiel.Code})", paragraphes);
        Assert.Contains("Niveau de classe : Seconde", paragraphes);
    }

    [Fact]
    public async Task The_odt_starts_with_its_stored_mimetype_and_holds_the_same_content()
    {
        using var equipe = await EquipeScenarios.CreerAsync(factory);
        var referentiel = await EquipeScenarios.ReferentielAsync(factory);
        var competence = referentiel.Competences.First(c => c.Criteres.Count > 0);
        var critere = competence.Criteres[^1];
        var scenario = await equipe.ScenarioAsync(new { titre = DocumentScenarioTests.TitrePiege, criteres = new[] { critere.Code } });

        var response = await equipe.Auteur.GetAsync($"/api/scenarios/{scenario.GetProperty("id")}/export?format=odt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.oasis.opendocument.text", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".odt", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        var odt = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(0, BitConverter.ToUInt16(odt, 8));
        Assert.Equal("mimetypeapplication/vnd.oasis.opendocument.text", Encoding.ASCII.GetString(odt, 30, 47));
        using var zip = new ZipArchive(new MemoryStream(odt));
        Assert.Equal("mimetype", zip.Entries[0].FullName);
        Assert.Equal(zip.Entries[0].Length, zip.Entries[0].CompressedLength);
        var contenu = DocumentScenarioTests.Xml(zip, "content.xml");
        Assert.Equal(DocumentScenarioTests.TitrePiege, contenu.Descendants(Text + "p").First().Value);
        Assert.Contains(contenu.Descendants(Text + "h"), h => h.Value == "Contexte");
        var element = contenu.Descendants(Text + "list-item").Single(i => i.Element(Text + "p")?.Value == $"{competence.Code} – {competence.Intitule}");
        Assert.Equal([$"{critere.Code} – {critere.Intitule}"], element.Element(Text + "list")!.Elements().Select(i => i.Value));
    }

    [Fact]
    public async Task Only_the_establishments_team_exports_and_only_as_docx_or_odt()
    {
        using var equipe = await EquipeScenarios.CreerAsync(factory);
        var id = (await equipe.ScenarioAsync()).GetProperty("id");

        await (await equipe.Etranger.GetAsync($"/api/scenarios/{id}/export?format=docx")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await equipe.Eleve.GetAsync($"/api/scenarios/{id}/export?format=docx")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var pdf = await (await equipe.Auteur.GetAsync($"/api/scenarios/{id}/export?format=pdf")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Format d'export inconnu : docx (Word) ou odt (LibreOffice)."], pdf.Errors("format"));
        var parDefaut = await equipe.Collegue.GetAsync($"/api/scenarios/{id}/export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", parDefaut.Content.Headers.ContentType?.MediaType);
    }
}
