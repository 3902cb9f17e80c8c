using System.IO.Compression;
using System.Text;
using Cpro.Kernel.Fichiers;
using Cpro.Scenarios.Domain;

namespace Cpro.IntegrationTests.Scenarios;

/// <summary>What a resource may be, and the names it is stored and downloaded under (no database).</summary>
public sealed class FichiersRessourcesTests
{
    internal static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    internal static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    /// <summary>A zip holding these entries, as an office suite would write it.</summary>
    internal static byte[] Zip(params (string Nom, string Contenu)[] entrees)
    {
        using var memoire = new MemoryStream();
        using (var zip = new ZipArchive(memoire, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (nom, contenu) in entrees)
            {
                using var flux = zip.CreateEntry(nom).Open();
                flux.Write(Encoding.UTF8.GetBytes(contenu));
            }
        }
        return memoire.ToArray();
    }

    internal static byte[] Ooxml(string typePrincipal) => Zip(("[Content_Types].xml",
        $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/main.xml" ContentType="{typePrincipal}"/></Types>"""));

    public static TheoryData<string, byte[], string?> Fichiers()
    {
        var docx = new DocumentScenario("t", "a", default, default, [new Paragraphe(null, "x")]);
        return new TheoryData<string, byte[], string?>
        {
            { "cours.pdf", Pdf, "application/pdf" },
            { "COURS.PDF", Pdf, "application/pdf" },
            { "schema.png", Png, "image/png" },
            { "photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "image/jpeg" },
            { "photo.jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "image/jpeg" },
            { "anim.gif", "GIF89a\u0001\u0000"u8.ToArray(), "image/gif" },
            { "consignes.txt", "Consignes de sécurité\r\n"u8.ToArray(), "text/plain; charset=utf-8" },
            { "fiche.docx", docx.Docx(), DocumentScenario.TypeDocx },
            { "fiche.odt", docx.Odt(), DocumentScenario.TypeOdt },
            { "tableau.xlsx", Ooxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
            { "diaporama.pptx", Ooxml("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
                "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
            { "tableau.ods", Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet")), "application/vnd.oasis.opendocument.spreadsheet" },
            { "diaporama.odp", Zip(("mimetype", "application/vnd.oasis.opendocument.presentation")), "application/vnd.oasis.opendocument.presentation" },
            // Content and extension disagree.
            { "schema.pdf", Png, null },
            { "cours.png", Pdf, null },
            { "fiche.docx", docx.Odt(), null },
            { "fiche.odt", docx.Docx(), null },
            { "tableau.xlsx", docx.Docx(), null },
            { "macro.docx", Ooxml("application/vnd.ms-word.document.macroEnabled.main+xml"), null },
            { "vide.docx", Zip(("word/document.xml", "<w:document/>")), null },
            { "faux.docx", "PK\u0003\u0004 pas un zip"u8.ToArray(), null },
            { "dtd.docx", Zip(("[Content_Types].xml", "<!DOCTYPE Types [<!ENTITY e \"x\">]><Types/>")), null },
            { "enorme.odt", Zip(("mimetype", new string(' ', 300 * 1024))), null },
            // Not accepted at all.
            { "page.html", "<html><script>alert(1)</script></html>"u8.ToArray(), null },
            { "image.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), null },
            { "setup.exe", "MZ\u0090\u0000"u8.ToArray(), null },
            { "sans-extension", Pdf, null },
            { "latin1.txt", [0x63, 0x61, 0x66, 0xE9], null },
            { "binaire.txt", "abc\u0000def"u8.ToArray(), null },
        };
    }

    [Theory]
    [MemberData(nameof(Fichiers))]
    public void A_resource_type_is_recognised_by_its_content_and_its_extension_agreeing(string nom, byte[] contenu, string? attendu) =>
        Assert.Equal(attendu, TypeFichier.Reconnaitre(nom, contenu));

    [Theory]
    [InlineData("cours.pdf", "cours.pdf")]
    [InlineData(@"C:\Users\prof\Documents\cours.pdf", "cours.pdf")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("dossier/sous-dossier\\fiche élève.odt", "fiche élève.odt")]
    [InlineData(" ..cours?.pdf. ", "cours_.pdf")]
    [InlineData("tab\u0009le.txt", "tab_le.txt")]
    public void A_name_sent_with_a_path_is_reduced_to_a_clean_file_name(string envoye, string garde) =>
        Assert.Equal(garde, NomFichier.DeChemin(envoye));

    [Fact]
    public void A_long_name_is_cut_but_keeps_its_extension_and_its_emojis_whole()
    {
        var nom = NomFichier.Propre(new string('a', 115) + "🔌🔌" + ".pdf", 120);

        Assert.Equal(new string('a', 116) + ".pdf", NomFichier.Propre(new string('a', 300) + ".pdf", 120));
        Assert.Equal(new string('a', 115) + ".pdf", nom);
    }

    [Fact]
    public void A_download_is_an_attachment_named_in_utf8_with_an_ascii_fallback()
    {
        Assert.Equal("attachment; filename=\"Scenario electricite _ tableau.docx\"; filename*=UTF-8''Sc%C3%A9nario%20%C3%A9lectricit%C3%A9%20%E2%80%93%20tableau.docx",
            NomFichier.Telechargement("Scénario électricité – tableau.docx"));
        Assert.Equal("attachment; filename=cours.pdf; filename*=UTF-8''cours.pdf", NomFichier.Telechargement("cours.pdf"));
    }
}
