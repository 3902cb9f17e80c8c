using System.Text;
using System.Xml;

namespace Cpro.Etablissements.Siecle;

/// <summary>One record of an export, read from the reader into a flat list of nodes in document order that the next
/// record reuses: only texts are allocated, where an XElement tree costs several objects a node and most of a large
/// import's parse. Lookups match names outside any namespace, as an XName without one does; an element's text is all
/// the text inside it, as XElement.Value.</summary>
internal sealed class XmlRecord
{
    private enum Kind : byte
    {
        Element,
        Attribute,
        Text,
    }

    private readonly record struct Node(Kind Kind, int Depth, string Name, bool NoNamespace, string? Value);

    private Node[] _nodes = new Node[64];
    private int _count;

    /// <summary>Reads the element the reader is on in place of the previous record, and leaves the reader after its end.</summary>
    public RecordNode Read(XmlReader reader)
    {
        _count = 0;
        var top = reader.Depth;
        AddElement(reader, 0);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new RecordNode(this, 0);
        }
        while (reader.Read())
        {
            var depth = reader.Depth - top;
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    AddElement(reader, depth);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    Add(new Node(Kind.Text, depth, "", true, reader.Value));
                    break;
                case XmlNodeType.EndElement when depth == 0:
                    reader.Read();
                    return new RecordNode(this, 0);
            }
        }
        // The reader throws first on a truncated document; this keeps the promise of a whole element.
        throw new XmlException("Unexpected end of document.");
    }

    private void AddElement(XmlReader reader, int depth)
    {
        Add(new Node(Kind.Element, depth, reader.LocalName, reader.NamespaceURI.Length == 0, null));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                Add(new Node(Kind.Attribute, depth + 1, reader.LocalName, reader.NamespaceURI.Length == 0, reader.Value));
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
    }

    private void Add(Node node)
    {
        if (_count == _nodes.Length)
        {
            Array.Resize(ref _nodes, _count * 2);
        }
        _nodes[_count++] = node;
    }

    /// <summary>The first node after <paramref name="element"/> (its attributes, then its content) at depth one below it
    /// and of this kind and name, searched within the element; -1 if none.</summary>
    private int Next(int element, int after, Kind kind, string name)
    {
        var depth = _nodes[element].Depth + 1;
        for (var i = after + 1; i < _count && _nodes[i].Depth >= depth; i++)
        {
            ref readonly var node = ref _nodes[i];
            if (node.Depth == depth && node.Kind == kind && node.NoNamespace && node.Name == name)
            {
                return i;
            }
        }
        return -1;
    }

    internal string Name(int element) => _nodes[element].Name;

    internal string? AttributeValue(int element, string name) => Next(element, element, Kind.Attribute, name) is var i and >= 0 ? _nodes[i].Value : null;

    internal int ChildElement(int element, int after, string name) => Next(element, after, Kind.Element, name);

    /// <summary>Every text inside the element; a leaf's one text without a copy.</summary>
    internal string Value(int element)
    {
        var depth = _nodes[element].Depth;
        string? single = null;
        StringBuilder? texts = null;
        for (var i = element + 1; i < _count && _nodes[i].Depth > depth; i++)
        {
            if (_nodes[i].Kind != Kind.Text)
            {
                continue;
            }
            if (single is null && texts is null)
            {
                single = _nodes[i].Value;
                continue;
            }
            texts ??= new StringBuilder(single);
            texts.Append(_nodes[i].Value);
        }
        return texts?.ToString() ?? single ?? "";
    }
}

/// <summary>An element of the record being read; valid until the next record is read.</summary>
internal readonly struct RecordNode(XmlRecord record, int index)
{
    /// <summary>Its local name, whatever its namespace.</summary>
    public string Name => record.Name(index);

    public string Value => record.Value(index);

    public string? Attribute(string name) => record.AttributeValue(index, name);

    public RecordNode? Element(string name) => record.ChildElement(index, index, name) is var i and >= 0 ? new RecordNode(record, i) : null;

    public IEnumerable<RecordNode> Elements(string name)
    {
        for (var i = record.ChildElement(index, index, name); i >= 0; i = record.ChildElement(index, i, name))
        {
            yield return new RecordNode(record, i);
        }
    }
}
