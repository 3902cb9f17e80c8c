using Cpro.Kernel.Errors;
using SkiaSharp;

namespace Cpro.Book.Domain;

/// <summary>A photo as the book keeps it: turned upright as the camera said, at most <see cref="CoteMax"/> pixels on its
/// longer side, and encoded again, which leaves every metadata behind (EXIF, GPS position, camera) (ADR 0011).</summary>
internal static class Photos
{
    public const int CoteMax = 1600;
    private const int QualiteJpeg = 85;

    /// <summary>Whether this type is a photo to reduce; a GIF (often animated, without EXIF) is kept as sent.</summary>
    public static bool EstPhoto(string type) => type is "image/jpeg" or "image/png";

    /// <summary>The reduced photo, in its own format (JPEG or PNG), or 422 when it cannot be decoded.</summary>
    public static byte[] Reduire(byte[] contenu, string nom)
    {
        using var codec = SKCodec.Create(new MemoryStream(contenu))
                          ?? throw new NonTraitableException($"« {nom} » n'est pas une image lisible.");
        var format = codec.EncodedFormat == SKEncodedImageFormat.Png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        var origine = codec.EncodedOrigin;
        using var source = SKBitmap.Decode(codec) ?? throw new NonTraitableException($"« {nom} » n'est pas une image lisible.");
        using var droite = Redresser(source, origine);
        var echelle = Math.Min(1.0, (double)CoteMax / Math.Max(droite.Width, droite.Height));
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(droite.Width * echelle)), Math.Max(1, (int)Math.Round(droite.Height * echelle)),
            SKColorType.Rgba8888, format == SKEncodedImageFormat.Png ? SKAlphaType.Premul : SKAlphaType.Opaque);
        using var reduite = droite.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
                            ?? throw new NonTraitableException($"« {nom} » n'a pas pu être réduite.");
        using var image = SKImage.FromBitmap(reduite);
        using var donnees = image.Encode(format, QualiteJpeg);
        return donnees.ToArray();
    }

    /// <summary>Pixels as the camera meant them: a phone stores them sideways and says so in EXIF, which is dropped.</summary>
    private static SKBitmap Redresser(SKBitmap source, SKEncodedOrigin origine)
    {
        var (degres, quart) = origine switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        if (degres == 0)
        {
            return source.Copy();
        }
        var tournee = new SKBitmap(quart ? source.Height : source.Width, quart ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canevas = new SKCanvas(tournee);
        canevas.Translate(tournee.Width / 2f, tournee.Height / 2f);
        canevas.RotateDegrees(degres);
        canevas.Translate(-source.Width / 2f, -source.Height / 2f);
        using var image = SKImage.FromBitmap(source);
        canevas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return tournee;
    }
}
