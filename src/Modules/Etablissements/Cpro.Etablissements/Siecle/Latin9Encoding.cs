using System.Buffers;
using System.Text;

namespace Cpro.Etablissements.Siecle;

/// <summary>ISO-8859-15 (Latin-9), the encoding SIECLE's exports declare, decoded at Latin-1's speed: the code pages provider
/// decodes it one byte at a time (a twentieth of a large import's processor time), Latin-1, from which it differs in
/// eight code points only, by vectors. The reader uses it for a file that declares Latin-9 (<see cref="NatureFichier"/>);
/// encoding to bytes is left to the provider's: files are only read here.</summary>
internal sealed class Latin9Encoding : Encoding
{
    public const int CodePageLatin9 = 28605;

    public static Latin9Encoding Instance { get; } = new();

    private static readonly SearchValues<byte> NotLatin1 = SearchValues.Create([0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE]);
    private readonly Encoding _codePages = CodePagesEncodingProvider.Instance.GetEncoding(CodePageLatin9)!;

    private Latin9Encoding()
        : base(CodePageLatin9)
    {
    }

    public override string WebName => _codePages.WebName;
    public override string EncodingName => _codePages.EncodingName;
    public override string BodyName => _codePages.BodyName;
    public override string HeaderName => _codePages.HeaderName;
    public override bool IsSingleByte => true;

    public override int GetMaxCharCount(int byteCount) => byteCount;
    public override int GetCharCount(byte[] bytes, int index, int count) => count;
    public override int GetCharCount(ReadOnlySpan<byte> bytes) => bytes.Length;

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        Decode(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex));

    public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars) => Decode(bytes, chars);

    public override Decoder GetDecoder() => new Latin9Decoder();

    public override int GetMaxByteCount(int charCount) => _codePages.GetMaxByteCount(charCount);
    public override int GetByteCount(char[] chars, int index, int count) => _codePages.GetByteCount(chars, index, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        _codePages.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    private static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var count = Latin1.GetChars(bytes, chars);
        for (int start = 0, i; (i = bytes[start..].IndexOfAny(NotLatin1)) >= 0; start += i + 1)
        {
            chars[start + i] = bytes[start + i] switch
            {
                0xA4 => '€',
                0xA6 => 'Š',
                0xA8 => 'š',
                0xB4 => 'Ž',
                0xB8 => 'ž',
                0xBC => 'Œ',
                0xBD => 'œ',
                _ => 'Ÿ',
            };
        }
        return count;
    }

    /// <summary>A byte is a character: nothing is carried from one call to the next.</summary>
    private sealed class Latin9Decoder : Decoder
    {
        public override int GetCharCount(byte[] bytes, int index, int count) => count;
        public override int GetCharCount(ReadOnlySpan<byte> bytes, bool flush) => bytes.Length;

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
            Decode(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex));

        public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars, bool flush) => Decode(bytes, chars);

        public override void Convert(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, int charCount, bool flush,
            out int bytesUsed, out int charsUsed, out bool completed)
        {
            var count = Math.Min(byteCount, charCount);
            Decode(bytes.AsSpan(byteIndex, count), chars.AsSpan(charIndex, count));
            bytesUsed = charsUsed = count;
            completed = count == byteCount;
        }
    }
}
