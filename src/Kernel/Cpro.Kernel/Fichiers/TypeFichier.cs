using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Cpro.Kernel.Fichiers;

/// <summary>The types an uploaded file (a scenario's resource, a portfolio's attachment) may have, each recognised by its content AND its extension agreeing: a renamed
/// executable, a macro-enabled Office file or an HTML page gets no type, whatever the browser declared.</summary>
public static class TypeFichier
{
    public const string Acceptes =
        "PDF, images PNG, JPEG ou GIF, documents Word, Excel ou PowerPoint (.docx, .xlsx, .pptx), LibreOffice (.odt, .ods, .odp) et texte brut en UTF-8 (.txt)";

    // Over this, a zip's [Content_Types].xml or mimetype is not a genuine one (and may be a zip bomb).
    private const int EntreeMax = 256 * 1024;

    private static readonly Dictionary<string, (string Type, Func<byte[], string, bool> Reconnu)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", (c, _) => c.AsSpan().StartsWith("%PDF-"u8)),
        [".png"] = ("image/png", (c, _) => c.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        [".jpg"] = ("image/jpeg", (c, _) => c.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])),
        [".jpeg"] = ("image/jpeg", (c, _) => c.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])),
        [".gif"] = ("image/gif", (c, _) => c.AsSpan().StartsWith("GIF87a"u8) || c.AsSpan().StartsWith("GIF89a"u8)),
        [".txt"] = ("text/plain; charset=utf-8", (c, _) => !c.AsSpan().Contains((byte)0) && System.Text.Unicode.Utf8.IsValid(c)),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Ooxml),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Ooxml),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", Ooxml),
        [".odt"] = ("application/vnd.oasis.opendocument.text", OpenDocument),
        [".ods"] = ("application/vnd.oasis.opendocument.spreadsheet", OpenDocument),
        [".odp"] = ("application/vnd.oasis.opendocument.presentation", OpenDocument),
    };

    /// <summary>The content type of an accepted file, or null.</summary>
    public static string? Reconnaitre(string nom, byte[] contenu) =>
        Types.TryGetValue(Path.GetExtension(nom), out var type) && type.Reconnu(contenu, type.Type) ? type.Type : null;

    /// <summary>An Office Open XML package whose main part is of this type (a .docm's main part is another type).</summary>
    private static bool Ooxml(byte[] contenu, string type)
    {
        if (Entree(contenu, "[Content_Types].xml") is not { } xml)
        {
            return false;
        }
        try
        {
            using var lecteur = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            XNamespace ct = "http://schemas.openxmlformats.org/package/2006/content-types";
            return XDocument.Load(lecteur).Root?.Elements(ct + "Override").Any(o => (string?)o.Attribute("ContentType") == type + ".main+xml") == true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>An OpenDocument package whose « mimetype » entry names this type.</summary>
    private static bool OpenDocument(byte[] contenu, string type) =>
        Entree(contenu, "mimetype") is { } mimetype && Encoding.ASCII.GetString(mimetype) == type;

    /// <summary>An entry of a zip, if the content is a readable zip holding it within the size allowed.</summary>
    private static byte[]? Entree(byte[] contenu, string nom)
    {
        if (!contenu.AsSpan().StartsWith("PK\x03\x04"u8))
        {
            return null;
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(contenu, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry(nom) is not { Length: <= EntreeMax } entree)
            {
                return null;
            }
            using var flux = entree.Open();
            // The declared size may lie: read one byte more than allowed to know.
            var tampon = new byte[EntreeMax + 1];
            var lus = flux.ReadAtLeast(tampon, tampon.Length, throwOnEndOfStream: false);
            return lus > EntreeMax ? null : tampon[..lus];
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            return null;
        }
    }
}
