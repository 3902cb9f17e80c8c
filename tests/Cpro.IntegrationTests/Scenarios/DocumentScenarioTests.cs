using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Cpro.Referentiels.Contracts;
using Cpro.Scenarios.Domain;
using Cpro.Scenarios.Features;
using Snapshooter.Xunit;

namespace Cpro.IntegrationTests.Scenarios;

/// <summary>The DOCX and ODT writers and the export's layout, on a référentiel built by hand (no database).</summary>
public sealed class DocumentScenarioTests
{
    public const string TitrePiege = "Câblage <d'un> \"tableau\" & mise en œuvre – 1/2";

    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static readonly XNamespace Style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static readonly XNamespace Manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

    internal static ReferentielDto Referentiel() => new(
        "BACPRO-TEST", "Bac Pro", "4", "Bac Pro Métiers de l'électricité et de ses environnements connectés", "2024", ["SECONDE", "PREMIERE", "TERMINALE"],
        [
            new BlocDto("B1", "Préparation des opérations", [
                new ActiviteDto("A1", "Préparation", false,
                    [new TacheDto("T1.1", "Prendre connaissance du dossier"), new TacheDto("T1.2", "Planifier son intervention")], ["C1", "C2"]),
            ]),
            new BlocDto("B2", "Réalisation", [
                new ActiviteDto("A2", "Réalisation", false, [new TacheDto("T2.1", "Câbler les matériels")], ["C3"]),
            ]),
        ],
        [],
        [
            new CompetenceDto("C1", "Analyser les conditions de l'opération", ["B1"], ["A1"], ["T1.1"], [],
                [new CritereDto("C1.1", "Les informations sont recueillies"), new CritereDto("C1.2", "Les risques sont repérés")]),
            new CompetenceDto("C2", "Organiser l'opération", ["B1"], ["A1"], ["T1.2"], [], [new CritereDto("C2.1", "Le planning est établi")]),
            new CompetenceDto("C3", "Réaliser une installation", ["B2"], ["A2"], ["T2.1"], [], [new CritereDto("C3.1", "Le câblage est conforme")]),
        ],
        [new CompetenceCommuneDto("CT1", "Communiquer avec le client")]);

    private static Scenario Scenario() => new()
    {
        AuteurNom = "Marie Curie",
        Referentiel = "BACPRO-TEST",
        NiveauClasse = "PREMIERE",
        Titre = TitrePiege,
        CoIntervention = true,
        CoInterventionDiscipline = "Mathématiques",
        SituationProfessionnelle = "Un client demande\nune rénovation\u0001 complète 🔌",
        Liens = ["https://example.org/fiche?a=1&b=2"],
        Activites = ["A1"],
        Taches = ["T1.1"],
        Criteres = ["C1.2", "C3.1"],
        CompetencesTransversales = ["CT1"],
        CreeLe = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero),
        ModifieLe = new DateTimeOffset(2026, 9, 2, 8, 0, 0, TimeSpan.Zero),
    };

    private static DocumentScenario Document() =>
        ExporterScenario.Composer(Scenario(), new ReferentielIndex(Referentiel()), ["Paul Langevin"], ["schéma.pdf"]);

    [Fact]
    public void A_docx_holds_the_title_the_sections_the_competences_with_their_criteria_and_styles_it_defines()
    {
        using var zip = new ZipArchive(new MemoryStream(Document().Docx()));

        Assert.Equal(["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/numbering.xml", "word/styles.xml"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var brut = Brut(zip, "word/document.xml");
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>", brut, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;d'un&gt; \"tableau\" &amp; mise", brut, StringComparison.Ordinal);
        var paragraphes = Xml(zip, "word/document.xml").Descendants(W + "p")
            .Select(p => (Style: (string?)p.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val"),
                Puce: (int?)p.Element(W + "pPr")?.Element(W + "numPr")?.Element(W + "ilvl")?.Attribute(W + "val"),
                Texte: string.Concat(p.Descendants(W + "t").Select(t => t.Value))))
            .ToList();

        Assert.Equal(("Title", null, TitrePiege), paragraphes[0]);
        Assert.Equal(["Contexte", "Liaison avec le référentiel", "Compétences transversales", "Ressources"],
            paragraphes.Where(p => p.Style == "Heading1").Select(p => p.Texte));
        Assert.Contains((null, null, "Diplôme : Bac Pro Métiers de l'électricité et de ses environnements connectés (BACPRO-TEST)"), paragraphes);
        Assert.Contains((null, null, "Niveau de classe : Première"), paragraphes);
        Assert.Contains((null, null, "Co-intervention : oui, avec Mathématiques"), paragraphes);
        Assert.Contains((null, null, "Co-auteurs : Paul Langevin"), paragraphes);
        var competence = paragraphes.IndexOf(("ListParagraph", 0, "C1 – Analyser les conditions de l'opération"));
        Assert.True(competence > 0);
        Assert.Equal(("ListParagraph", 1, "C1.2 – Les risques sont repérés"), paragraphes[competence + 1]);
        Assert.Contains(("ListParagraph", 0, "C3 – Réaliser une installation"), paragraphes);
        Assert.Contains(("ListParagraph", 0, "CT1 – Communiquer avec le client"), paragraphes);
        Assert.Contains(("ListParagraph", 0, "schéma.pdf"), paragraphes);
        Assert.Contains(("ListParagraph", 0, "https://example.org/fiche?a=1&b=2"), paragraphes);
        Assert.Contains((null, null, "une rénovation complète 🔌"), paragraphes);

        var definis = Xml(zip, "word/styles.xml").Descendants(W + "style").Select(s => (string?)s.Attribute(W + "styleId")).ToHashSet();
        Assert.All(paragraphes.Select(p => p.Style).OfType<string>().Distinct(), s => Assert.Contains(s, definis));
        var relations = Xml(zip, "word/_rels/document.xml.rels").Root!.Elements().Select(r => (string?)r.Attribute("Target")).ToList();
        Assert.Equal(["styles.xml", "numbering.xml"], relations);
    }

    /// <summary>The DOCX's text, one line per paragraph with its style and list level: a change of the export shows in review.</summary>
    [Fact]
    public void A_docx_text_matches_its_snapshot()
    {
        using var zip = new ZipArchive(new MemoryStream(Document().Docx()));

        var lignes = Xml(zip, "word/document.xml").Descendants(W + "p").Select(p =>
        {
            var style = (string?)p.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val") ?? "Normal";
            var niveau = (string?)p.Element(W + "pPr")?.Element(W + "numPr")?.Element(W + "ilvl")?.Attribute(W + "val");
            return $"[{style}{(niveau is null ? "" : " " + niveau)}] {string.Concat(p.Descendants(W + "t").Select(t => t.Value))}";
        });

        Snapshot.Match(lignes.ToList());
    }

    [Fact]
    public void An_odt_starts_with_its_stored_mimetype_and_holds_headings_paragraphs_and_nested_lists()
    {
        var odt = Document().Odt();

        // The mimetype at a fixed offset: local header (30 bytes) + « mimetype », stored (method 0), no extra field.
        Assert.Equal("PK\u0003\u0004", Encoding.ASCII.GetString(odt, 0, 4));
        Assert.Equal(0, BitConverter.ToUInt16(odt, 8));
        Assert.Equal(0, BitConverter.ToUInt16(odt, 28));
        Assert.Equal("mimetypeapplication/vnd.oasis.opendocument.text", Encoding.ASCII.GetString(odt, 30, 47));
        using var zip = new ZipArchive(new MemoryStream(odt));
        Assert.Equal("mimetype", zip.Entries[0].FullName);
        Assert.Equal(zip.Entries[0].Length, zip.Entries[0].CompressedLength);
        var manifeste = Xml(zip, "META-INF/manifest.xml").Descendants(Manifest + "file-entry")
            .Select(e => (string?)e.Attribute(Manifest + "full-path")).ToList();
        Assert.Equal(["/", "content.xml", "styles.xml", "meta.xml"], manifeste);

        var contenu = Xml(zip, "content.xml");
        var texte = contenu.Descendants(Text + "p").First();
        Assert.Equal(("Title", TitrePiege), ((string?)texte.Attribute(Text + "style-name"), texte.Value));
        Assert.Equal(["Contexte", "Liaison avec le référentiel", "Compétences transversales", "Ressources"],
            contenu.Descendants(Text + "h").Where(h => (string?)h.Attribute(Text + "outline-level") == "1").Select(h => h.Value));
        var competence = contenu.Descendants(Text + "list-item").Single(i => i.Element(Text + "p")?.Value == "C1 – Analyser les conditions de l'opération");
        Assert.Equal(["C1.2 – Les risques sont repérés"], competence.Element(Text + "list")!.Elements(Text + "list-item").Select(i => i.Value));
        Assert.Contains(contenu.Descendants(Text + "p"), p => p.Value == "Diplôme : Bac Pro Métiers de l'électricité et de ses environnements connectés (BACPRO-TEST)");

        var styles = Xml(zip, "styles.xml");
        var definis = styles.Descendants(Style + "style").Concat(styles.Descendants(Text + "list-style"))
            .Select(s => (string?)s.Attribute(Style + "name")).ToHashSet();
        Assert.All(contenu.Descendants().Select(e => (string?)e.Attribute(Text + "style-name")).OfType<string>().Distinct(), s => Assert.Contains(s, definis));
        Assert.Equal(TitrePiege, Xml(zip, "meta.xml").Descendants(XNamespace.Get("http://purl.org/dc/elements/1.1/") + "title").Single().Value);
    }

    [Fact]
    public void Empty_sections_say_so_and_competences_derive_from_tasks_as_well_as_criteria()
    {
        var scenario = Scenario();
        scenario.SituationProfessionnelle = null;
        scenario.Criteres = [];
        scenario.CompetencesTransversales = [];
        scenario.Liens = [];
        scenario.CoIntervention = false;

        var parties = ExporterScenario.Composer(scenario, new ReferentielIndex(Referentiel()), [], []).Parties.ToList();

        Assert.Equal(new Paragraphe(null, "Non renseigné."), parties[parties.IndexOf(new Intitule("Situation professionnelle", 2)) + 1]);
        Assert.Equal(new Paragraphe(null, "Aucun lien."), parties[parties.IndexOf(new Intitule("Liens", 2)) + 1]);
        Assert.Equal(new Paragraphe(null, "Aucune compétence transversale."), parties[parties.IndexOf(new Intitule("Compétences transversales", 1)) + 1]);
        Assert.Equal(new Paragraphe(null, "Aucune ressource jointe."), parties[^1]);
        Assert.Contains(new Paragraphe("Co-intervention : ", "non"), parties);
        Assert.DoesNotContain(parties, p => p is Paragraphe { Libelle: "Co-auteurs : " });
        var competences = Assert.IsType<Liste>(parties[parties.IndexOf(new Intitule("Compétences", 2)) + 1]);
        Assert.Equal(["C1 – Analyser les conditions de l'opération"], competences.Elements.Select(e => e.Texte));
        Assert.Empty(competences.Elements[0].SousElements);
        var blocs = Assert.IsType<Liste>(parties[parties.IndexOf(new Intitule("Blocs de compétences", 2)) + 1]);
        Assert.Equal(["B1 – Préparation des opérations"], blocs.Elements.Select(e => e.Texte));
    }

    private static string Brut(ZipArchive zip, string nom)
    {
        using var flux = zip.GetEntry(nom)!.Open();
        using var memoire = new MemoryStream();
        flux.CopyTo(memoire);
        var octets = memoire.ToArray();
        Assert.False(octets.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{nom} commence par un BOM.");
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(octets);
    }

    internal static XDocument Xml(ZipArchive zip, string nom) => XDocument.Parse(Brut(zip, nom));
}
