using System.Xml;
using System.Xml.Linq;
using Cpro.Etablissements.Siecle;

namespace Cpro.IntegrationTests.Siecle;

/// <summary>The import reads each record with <see cref="XmlRecord"/> where it read an XElement: on the shapes real and
/// hostile files take, it must answer every lookup the reader makes as the XElement did, and leave the reader where
/// XNode.ReadFrom left it.</summary>
public sealed class XmlRecordTests
{
    private const string Document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <BEE_ELEVES xmlns:x="urn:autre">
          <ELEVE ELEVE_ID=" 1001 " x:ELEVE_ID="ignoré">
            <NOM_DE_FAMILLE>MARTIN</NOM_DE_FAMILLE>
            <PRENOM>Lé<![CDATA[a]]> <B>Marie</B>-Jeanne</PRENOM>
            <x:PRENOM>espace de noms</x:PRENOM>
            <PRENOM2/>
            <ADRESSE><PRENOM>pas un enfant direct</PRENOM></ADRESSE>
          </ELEVE>
          <ELEVE/>
          <STRUCTURES_ELEVE ELEVE_ID="1001">
            <STRUCTURE><CODE_STRUCTURE>2MELEC1</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>
            <STRUCTURE><CODE_STRUCTURE>G1</CODE_STRUCTURE><TYPE_STRUCTURE>G</TYPE_STRUCTURE></STRUCTURE>
            <x:STRUCTURE><CODE_STRUCTURE>autre</CODE_STRUCTURE></x:STRUCTURE>
          </STRUCTURES_ELEVE>
          <x:ELEVE ELEVE_ID="1002"><NOM_DE_FAMILLE>DURAND</NOM_DE_FAMILLE></x:ELEVE>
          <UAJ>0750001A</UAJ>
        </BEE_ELEVES>
        """;

    private static readonly string[] Noms = ["ELEVE_ID", "NOM_DE_FAMILLE", "PRENOM", "PRENOM2", "ADRESSE", "STRUCTURE", "CODE_STRUCTURE", "B", "absent"];

    [Fact]
    public void Every_lookup_answers_as_the_XElement_of_the_same_record_and_the_reader_ends_where_ReadFrom_left_it()
    {
        var attendus = Lire(reader => Decrire((XElement)XNode.ReadFrom(reader), reader));
        var fiche = new XmlRecord();
        var lus = Lire(reader => Decrire(fiche.Read(reader), reader));

        Assert.Equal(5, attendus.Count);
        Assert.Equal(attendus, lus);
        // The lookups exercised: a text split by CDATA and a child element, attributes and elements in a namespace ignored,
        // a deeper element of the same name not taken for a child, repeated children in order, an empty record.
        Assert.Contains(attendus, d => d.Contains("PRENOM=[LéaMarie-Jeanne]", StringComparison.Ordinal));
        Assert.Contains(attendus, d => d.Contains("@ELEVE_ID= 1001 ", StringComparison.Ordinal));
        Assert.Contains(attendus, d => d.Contains("STRUCTURE=[2MELEC1D|G1G]", StringComparison.Ordinal));
    }

    private static List<string> Lire(Func<XmlReader, string> record)
    {
        using var reader = XmlReader.Create(new StringReader(Document), new XmlReaderSettings { IgnoreWhitespace = true });
        reader.MoveToContent();
        reader.Read();
        var records = new List<string>();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                records.Add(record(reader));
            }
            else
            {
                reader.Read();
            }
        }
        return records;
    }

    private static string Decrire(XElement e, XmlReader reader) =>
        $"{e.Name.LocalName} «{e.Value}» " + string.Join(" ", Noms.Select(n =>
            $"@{n}={e.Attribute(n)?.Value} {n}=[{string.Join("|", e.Elements(n).Select(c => c.Value))}] first={e.Element(n)?.Value}"))
        + Position(reader);

    private static string Decrire(RecordNode e, XmlReader reader) =>
        $"{e.Name} «{e.Value}» " + string.Join(" ", Noms.Select(n =>
            $"@{n}={e.Attribute(n)} {n}=[{string.Join("|", e.Elements(n).Select(c => c.Value))}] first={e.Element(n)?.Value}"))
        + Position(reader);

    private static string Position(XmlReader reader) => $" → {reader.NodeType} {reader.LocalName} {reader.Depth}";
}
