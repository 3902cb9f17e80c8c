using System.Text;
using Cpro.Etablissements.Siecle;

namespace Cpro.IntegrationTests.Siecle;

/// <summary>The import decodes ISO-8859-15 itself: it must read every byte as the code pages provider does, however the
/// reader splits a file. That an import reads « ŒUVRAY » from such a file is <see cref="ImportTests"/>' first test.</summary>
public sealed class Latin9EncodingTests
{
    private static readonly Encoding Reference = CodePagesEncodingProvider.Instance.GetEncoding(Latin9Encoding.CodePageLatin9)!;

    [Fact]
    public void Every_byte_reads_as_the_code_pages_provider_reads_it_whole_or_in_pieces()
    {
        var latin9 = Latin9Encoding.Instance;
        var octets = Enumerable.Range(0, 4 * 256).Select(i => (byte)(i * 7 % 256)).ToArray();
        var attendu = Reference.GetString(octets);

        Assert.Contains('€', attendu);
        Assert.Contains('Œ', attendu);
        Assert.Equal(attendu, latin9.GetString(octets));
        Assert.Equal(attendu, Morceaux(latin9.GetDecoder(), octets, 37));
        Assert.Equal(attendu, new StreamReader(new MemoryStream(octets), latin9, false, 128).ReadToEnd());
        Assert.Equal(Reference.GetBytes("Œuvray, 12 € — Ÿ"), latin9.GetBytes("Œuvray, 12 € — Ÿ"));
        Assert.Equal(Reference.WebName, latin9.WebName);
    }

    /// <summary>As the XML reader decodes: a few bytes at a time, into a buffer that may be shorter.</summary>
    private static string Morceaux(Decoder decodeur, byte[] octets, int taille)
    {
        var texte = new StringBuilder();
        var caracteres = new char[taille - 5];
        for (var debut = 0; debut < octets.Length;)
        {
            var longueur = Math.Min(taille, octets.Length - debut);
            decodeur.Convert(octets, debut, longueur, caracteres, 0, caracteres.Length, false, out var lus, out var ecrits, out _);
            texte.Append(caracteres, 0, ecrits);
            debut += lus;
        }
        return texte.ToString();
    }
}
