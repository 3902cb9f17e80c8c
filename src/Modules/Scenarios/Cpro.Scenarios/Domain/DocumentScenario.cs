using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Cpro.Scenarios.Domain;

/// <summary>A scenario laid out as a document (title, headings, paragraphs, bulleted lists), written by hand as a Word
/// (DOCX) or LibreOffice (ODT) file: both are zips of XML parts, built with XElement so every text is escaped.</summary>
internal sealed record DocumentScenario(string Titre, string Auteur, DateTimeOffset CreeLe, DateTimeOffset ModifieLe, IReadOnlyList<PartieDocument> Parties)
{
    public const string TypeDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string TypeOdt = "application/vnd.oasis.opendocument.text";

    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace Ct = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string TypesRelations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private static readonly XNamespace Off = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static readonly XNamespace Sty = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static readonly XNamespace Txt = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static readonly XNamespace Fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    private static readonly XNamespace Meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Man = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

    public byte[] Docx()
    {
        var corps = new XElement(W + "body", Parties.SelectMany(ParagraphesWord));
        corps.Add(new XElement(W + "sectPr",
            new XElement(W + "pgSz", new XAttribute(W + "w", 11906), new XAttribute(W + "h", 16838)),
            new XElement(W + "pgMar", new XAttribute(W + "top", 1134), new XAttribute(W + "right", 1134), new XAttribute(W + "bottom", 1134),
                new XAttribute(W + "left", 1134), new XAttribute(W + "header", 709), new XAttribute(W + "footer", 709), new XAttribute(W + "gutter", 0))));
        return Zip(null,
            ("[Content_Types].xml", new XElement(Ct + "Types",
                Defaut("rels", "application/vnd.openxmlformats-package.relationships+xml"),
                Defaut("xml", "application/xml"),
                Surcharge("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
                Surcharge("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
                Surcharge("/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"))),
            ("_rels/.rels", new XElement(Rel + "Relationships", Relation("rId1", "officeDocument", "word/document.xml"))),
            ("word/_rels/document.xml.rels", new XElement(Rel + "Relationships",
                Relation("rId1", "styles", "styles.xml"), Relation("rId2", "numbering", "numbering.xml"))),
            ("word/document.xml", new XElement(W + "document", new XAttribute(XNamespace.Xmlns + "w", W), corps)),
            ("word/styles.xml", StylesWord()),
            ("word/numbering.xml", PucesWord()));

        static XElement Defaut(string extension, string type) =>
            new(Ct + "Default", new XAttribute("Extension", extension), new XAttribute("ContentType", type));
        static XElement Surcharge(string partie, string type) =>
            new(Ct + "Override", new XAttribute("PartName", partie), new XAttribute("ContentType", type));
        static XElement Relation(string id, string type, string cible) =>
            new(Rel + "Relationship", new XAttribute("Id", id), new XAttribute("Type", TypesRelations + type), new XAttribute("Target", cible));
    }

    public byte[] Odt()
    {
        var texte = new XElement(Off + "text", Parties.Select(ElementOdt));
        return Zip(TypeOdt,
            ("META-INF/manifest.xml", new XElement(Man + "manifest", new XAttribute(XNamespace.Xmlns + "manifest", Man),
                new XAttribute(Man + "version", "1.3"),
                new XElement(Man + "file-entry", new XAttribute(Man + "full-path", "/"), new XAttribute(Man + "version", "1.3"),
                    new XAttribute(Man + "media-type", TypeOdt)),
                new[] { "content.xml", "styles.xml", "meta.xml" }.Select(partie => new XElement(Man + "file-entry",
                    new XAttribute(Man + "full-path", partie), new XAttribute(Man + "media-type", "text/xml"))))),
            ("content.xml", new XElement(Off + "document-content", EspacesOdf(), new XElement(Off + "body", texte))),
            ("styles.xml", StylesOdt()),
            ("meta.xml", new XElement(Off + "document-meta", EspacesOdf(), new XElement(Off + "meta",
                new XElement(Meta + "generator", "Cpro"),
                new XElement(Dc + "title", Xml(Titre)),
                new XElement(Meta + "initial-creator", Xml(Auteur)),
                new XElement(Meta + "creation-date", Date(CreeLe)),
                new XElement(Dc + "date", Date(ModifieLe)),
                new XElement(Dc + "language", "fr-FR")))));

        static string Date(DateTimeOffset date) => XmlConvert.ToString(date.UtcDateTime, XmlDateTimeSerializationMode.Utc);
    }

    private static IEnumerable<XElement> ParagraphesWord(PartieDocument partie) => partie switch
    {
        Intitule { Niveau: 0 } titre => [ParagrapheWord("Title", null, null, titre.Texte)],
        Intitule intitule => [ParagrapheWord($"Heading{intitule.Niveau}", null, null, intitule.Texte)],
        Paragraphe paragraphe => [ParagrapheWord(null, null, paragraphe.Libelle, paragraphe.Texte)],
        Liste liste => liste.Elements.SelectMany(e => e.SousElements.Select(s => ParagrapheWord("ListParagraph", 1, null, s))
            .Prepend(ParagrapheWord("ListParagraph", 0, null, e.Texte))),
        _ => throw new ArgumentOutOfRangeException(nameof(partie)),
    };

    private static XElement ParagrapheWord(string? style, int? niveauPuce, string? libelle, string texte)
    {
        var proprietes = new XElement(W + "pPr");
        if (style is not null)
        {
            proprietes.Add(new XElement(W + "pStyle", new XAttribute(W + "val", style)));
        }
        if (niveauPuce is { } niveau)
        {
            proprietes.Add(new XElement(W + "numPr", new XElement(W + "ilvl", new XAttribute(W + "val", niveau)), new XElement(W + "numId", new XAttribute(W + "val", 1))));
        }
        var paragraphe = new XElement(W + "p", proprietes);
        if (libelle is not null)
        {
            paragraphe.Add(new XElement(W + "r", new XElement(W + "rPr", new XElement(W + "b")), Run(libelle)));
        }
        paragraphe.Add(new XElement(W + "r", Run(texte)));
        return paragraphe;

        // Leading and trailing spaces are text too.
        static XElement Run(string texte) => new(W + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), Xml(texte));
    }

    private static XElement StylesWord()
    {
        return new XElement(W + "styles", new XAttribute(XNamespace.Xmlns + "w", W),
            new XElement(W + "docDefaults",
                new XElement(W + "rPrDefault", new XElement(W + "rPr",
                    new XElement(W + "rFonts", new XAttribute(W + "ascii", "Calibri"), new XAttribute(W + "hAnsi", "Calibri"), new XAttribute(W + "cs", "Calibri")),
                    new XElement(W + "sz", new XAttribute(W + "val", 22)),
                    new XElement(W + "lang", new XAttribute(W + "val", "fr-FR")))),
                new XElement(W + "pPrDefault", new XElement(W + "pPr", Espacement(0, 120)))),
            new XElement(W + "style", new XAttribute(W + "type", "paragraph"), new XAttribute(W + "default", 1), new XAttribute(W + "styleId", "Normal"),
                new XElement(W + "name", new XAttribute(W + "val", "Normal")), new XElement(W + "qFormat")),
            StyleWord("Title", "Title", null, Espacement(0, 240), 40),
            StyleWord("Heading1", "heading 1", 0, Espacement(360, 120), 32),
            StyleWord("Heading2", "heading 2", 1, Espacement(240, 80), 26),
            new XElement(W + "style", new XAttribute(W + "type", "paragraph"), new XAttribute(W + "styleId", "ListParagraph"),
                new XElement(W + "name", new XAttribute(W + "val", "List Paragraph")), new XElement(W + "basedOn", new XAttribute(W + "val", "Normal")),
                new XElement(W + "qFormat"), new XElement(W + "pPr", Espacement(0, 60))));

        // Built-in names (« heading 1 »): Word shows its own localised styles and the navigation pane.
        static XElement StyleWord(string id, string nom, int? plan, XElement espacement, int taille) =>
            new(W + "style", new XAttribute(W + "type", "paragraph"), new XAttribute(W + "styleId", id),
                new XElement(W + "name", new XAttribute(W + "val", nom)),
                new XElement(W + "basedOn", new XAttribute(W + "val", "Normal")),
                new XElement(W + "next", new XAttribute(W + "val", "Normal")),
                new XElement(W + "qFormat"),
                new XElement(W + "pPr", new XElement(W + "keepNext"), espacement,
                    plan is null ? null : new XElement(W + "outlineLvl", new XAttribute(W + "val", plan))),
                new XElement(W + "rPr", new XElement(W + "b"), new XElement(W + "color", new XAttribute(W + "val", "1F3864")),
                    new XElement(W + "sz", new XAttribute(W + "val", taille))));

        static XElement Espacement(int avant, int apres) =>
            new(W + "spacing", new XAttribute(W + "before", avant), new XAttribute(W + "after", apres));
    }

    private static XElement PucesWord() =>
        new(W + "numbering", new XAttribute(XNamespace.Xmlns + "w", W),
            new XElement(W + "abstractNum", new XAttribute(W + "abstractNumId", 0),
                new XElement(W + "multiLevelType", new XAttribute(W + "val", "hybridMultilevel")),
                Niveau(0, "•", 720), Niveau(1, "–", 1440)),
            new XElement(W + "num", new XAttribute(W + "numId", 1), new XElement(W + "abstractNumId", new XAttribute(W + "val", 0))));

    private static XElement Niveau(int niveau, string puce, int retrait) =>
        new(W + "lvl", new XAttribute(W + "ilvl", niveau),
            new XElement(W + "start", new XAttribute(W + "val", 1)),
            new XElement(W + "numFmt", new XAttribute(W + "val", "bullet")),
            new XElement(W + "lvlText", new XAttribute(W + "val", puce)),
            new XElement(W + "lvlJc", new XAttribute(W + "val", "left")),
            new XElement(W + "pPr", new XElement(W + "ind", new XAttribute(W + "left", retrait), new XAttribute(W + "hanging", 360))));

    private static XElement ElementOdt(PartieDocument partie) => partie switch
    {
        Intitule { Niveau: 0 } titre => new XElement(Txt + "p", new XAttribute(Txt + "style-name", "Title"), Xml(titre.Texte)),
        Intitule intitule => new XElement(Txt + "h", new XAttribute(Txt + "style-name", $"Heading_20_{intitule.Niveau}"),
            new XAttribute(Txt + "outline-level", intitule.Niveau), Xml(intitule.Texte)),
        Paragraphe paragraphe => new XElement(Txt + "p", new XAttribute(Txt + "style-name", "Text_20_body"),
            paragraphe.Libelle is null ? null : new XElement(Txt + "span", new XAttribute(Txt + "style-name", "Strong_20_Emphasis"), Xml(paragraphe.Libelle)),
            Xml(paragraphe.Texte)),
        Liste liste => new XElement(Txt + "list", new XAttribute(Txt + "style-name", "Puces"),
            liste.Elements.Select(e => new XElement(Txt + "list-item", ParagrapheListe(e.Texte),
                e.SousElements.Count == 0 ? null : new XElement(Txt + "list", e.SousElements.Select(s => new XElement(Txt + "list-item", ParagrapheListe(s))))))),
        _ => throw new ArgumentOutOfRangeException(nameof(partie)),
    };

    private static XElement ParagrapheListe(string texte) => new(Txt + "p", new XAttribute(Txt + "style-name", "List_20_Paragraph"), Xml(texte));

    private static XElement StylesOdt() =>
        new(Off + "document-styles", EspacesOdf(),
            new XElement(Off + "styles",
                new XElement(Sty + "default-style", new XAttribute(Sty + "family", "paragraph"),
                    new XElement(Sty + "text-properties", new XAttribute(Fo + "font-family", "'Liberation Sans'"), new XAttribute(Fo + "font-size", "11pt"),
                        new XAttribute(Fo + "language", "fr"), new XAttribute(Fo + "country", "FR"))),
                StyleOdt("Standard", null, null),
                StyleOdt("Text_20_body", "Text body", "Standard", Marges("0cm", "0.2cm")),
                StyleOdt("List_20_Paragraph", "List Paragraph", "Standard", Marges("0cm", "0.1cm")),
                StyleOdt("Heading", null, "Standard", Marges("0.42cm", "0.21cm", new XAttribute(Fo + "keep-with-next", "always")),
                    new XElement(Sty + "text-properties", new XAttribute(Fo + "font-weight", "bold"), new XAttribute(Fo + "color", "#1f3864"))),
                StyleOdt("Title", null, "Heading", Taille("20pt")),
                StyleIntitule(1, "16pt"),
                StyleIntitule(2, "13pt"),
                new XElement(Sty + "style", new XAttribute(Sty + "name", "Strong_20_Emphasis"), new XAttribute(Sty + "display-name", "Strong Emphasis"),
                    new XAttribute(Sty + "family", "text"), new XElement(Sty + "text-properties", new XAttribute(Fo + "font-weight", "bold"))),
                new XElement(Txt + "list-style", new XAttribute(Sty + "name", "Puces"), NiveauOdt(1, "•", "0.635cm"), NiveauOdt(2, "–", "1.27cm"))),
            new XElement(Off + "automatic-styles",
                new XElement(Sty + "page-layout", new XAttribute(Sty + "name", "A4"),
                    new XElement(Sty + "page-layout-properties", new XAttribute(Fo + "page-width", "21cm"), new XAttribute(Fo + "page-height", "29.7cm"),
                        new XAttribute(Fo + "margin-top", "2cm"), new XAttribute(Fo + "margin-bottom", "2cm"),
                        new XAttribute(Fo + "margin-left", "2cm"), new XAttribute(Fo + "margin-right", "2cm")))),
            new XElement(Off + "master-styles",
                new XElement(Sty + "master-page", new XAttribute(Sty + "name", "Standard"), new XAttribute(Sty + "page-layout-name", "A4"))));

    // LibreOffice's own names (« Heading 1 »): its navigator and table of contents pick them up.
    private static XElement StyleIntitule(int niveau, string taille) =>
        StyleOdt($"Heading_20_{niveau}", $"Heading {niveau}", "Heading", new XAttribute(Sty + "default-outline-level", niveau), Taille(taille));

    private static XElement StyleOdt(string nom, string? affiche, string? parent, params object[] contenu) =>
        new(Sty + "style", new XAttribute(Sty + "name", nom), affiche is null ? null : new XAttribute(Sty + "display-name", affiche),
            new XAttribute(Sty + "family", "paragraph"), parent is null ? null : new XAttribute(Sty + "parent-style-name", parent),
            new XAttribute(Sty + "class", "text"), contenu);

    private static XElement Marges(string haut, string bas, params object[] autres) =>
        new(Sty + "paragraph-properties", new XAttribute(Fo + "margin-top", haut), new XAttribute(Fo + "margin-bottom", bas), autres);

    private static XElement Taille(string taille) => new(Sty + "text-properties", new XAttribute(Fo + "font-size", taille));

    private static XElement NiveauOdt(int niveau, string puce, string retrait) =>
        new(Txt + "list-level-style-bullet", new XAttribute(Txt + "level", niveau), new XAttribute(Txt + "bullet-char", puce),
            new XElement(Sty + "list-level-properties", new XAttribute(Txt + "list-level-position-and-space-mode", "label-alignment"),
                new XElement(Sty + "list-level-label-alignment", new XAttribute(Txt + "label-followed-by", "listtab"),
                    new XAttribute(Txt + "list-tab-stop-position", retrait), new XAttribute(Fo + "text-indent", "-0.635cm"),
                    new XAttribute(Fo + "margin-left", retrait))));

    private static IEnumerable<XAttribute> EspacesOdf() =>
    [
        new(XNamespace.Xmlns + "office", Off), new(XNamespace.Xmlns + "style", Sty), new(XNamespace.Xmlns + "text", Txt),
        new(XNamespace.Xmlns + "fo", Fo), new(XNamespace.Xmlns + "meta", Meta), new(XNamespace.Xmlns + "dc", Dc), new(Off + "version", "1.3"),
    ];

    /// <summary>A zip of XML parts, UTF-8 without BOM. An ODF file's « mimetype » comes first, stored uncompressed, so that
    /// the file's type can be read at a fixed offset.</summary>
    private static byte[] Zip(string? typeOdf, params (string Nom, XElement Racine)[] parties)
    {
        using var memoire = new MemoryStream();
        using (var zip = new ZipArchive(memoire, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (typeOdf is not null)
            {
                using var flux = zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open();
                flux.Write(Encoding.ASCII.GetBytes(typeOdf));
            }
            var reglages = new XmlWriterSettings { Encoding = new UTF8Encoding(false) };
            foreach (var (nom, racine) in parties)
            {
                using var flux = zip.CreateEntry(nom, CompressionLevel.Optimal).Open();
                using var ecrivain = XmlWriter.Create(flux, reglages);
                new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), racine).Save(ecrivain);
            }
        }
        return memoire.ToArray();
    }

    /// <summary>The text without the control characters XML forbids (they would fail the whole document).</summary>
    private static string Xml(string texte)
    {
        if (texte.All(XmlConvert.IsXmlChar))
        {
            return texte;
        }
        var resultat = new StringBuilder(texte.Length);
        for (var i = 0; i < texte.Length; i++)
        {
            if (XmlConvert.IsXmlChar(texte[i]))
            {
                resultat.Append(texte[i]);
            }
            else if (i + 1 < texte.Length && XmlConvert.IsXmlSurrogatePair(texte[i + 1], texte[i]))
            {
                resultat.Append(texte, i, 2);
                i++;
            }
        }
        return resultat.ToString();
    }
}

/// <summary>One part of a <see cref="DocumentScenario"/>.</summary>
internal abstract record PartieDocument;

/// <summary>The document's title (level 0) or a heading (1, 2).</summary>
internal sealed record Intitule(string Texte, int Niveau) : PartieDocument;

/// <summary>A paragraph, with an optional label in bold (« Diplôme : »).</summary>
internal sealed record Paragraphe(string? Libelle, string Texte) : PartieDocument;

internal sealed record Liste(IReadOnlyList<ElementListe> Elements) : PartieDocument;

internal sealed record ElementListe(string Texte, IReadOnlyList<string> SousElements);
