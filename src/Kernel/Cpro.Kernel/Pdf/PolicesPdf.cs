using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Cpro.Kernel.Pdf;

/// <summary>The one font of Cpro's PDFs, DejaVu Sans (regular and bold), shipped in the kernel with its licence: PDFsharp 6
/// finds no system font on Linux, and a font of our own renders accents and « » the same on every server (ADR 0010).
/// In the kernel because PDFsharp takes one resolver per process, whichever module writes the first PDF.</summary>
public sealed class PolicesPdf : IFontResolver
{
    public const string Famille = "DejaVu Sans";

    private static readonly PolicesPdf Instance = new();
    // PDFsharp takes its resolver once per process, before any font is used; the same instance may be given again.
    private static readonly Lazy<bool> Installee = new(() =>
    {
        GlobalFontSettings.FontResolver = Instance;
        return true;
    });

    private readonly ConcurrentDictionary<string, byte[]> _polices = new(StringComparer.Ordinal);

    private PolicesPdf()
    {
    }

    public static void Installer() => _ = Installee.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Famille, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(bold ? "DejaVuSans-Bold" : "DejaVuSans") : null;

    public byte[]? GetFont(string faceName) => _polices.GetOrAdd(faceName, nom =>
    {
        using var flux = typeof(PolicesPdf).Assembly.GetManifestResourceStream($"Cpro.Kernel.Polices.{nom}.ttf")
                         ?? throw new InvalidOperationException($"Police {nom} absente de l'assemblage.");
        using var copie = new MemoryStream();
        flux.CopyTo(copie);
        return copie.ToArray();
    });
}
