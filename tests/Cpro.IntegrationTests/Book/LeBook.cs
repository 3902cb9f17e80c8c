using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Portfolio;
using SkiaSharp;

namespace Cpro.IntegrationTests.Book;

/// <summary>What the book tests start from: the portfolio's <see cref="Pfmp"/> (Léa and Hugo of 2MELEC1 on a PFMP, their
/// teacher the period's referent, a colleague teaching no class, Léa's tutor, the head, the DDFTP of another
/// establishment), with the book turned on by the DDFTP unless asked not to.</summary>
internal static class LeBook
{
    public const string Api = "/api/book";

    public static async Task<Pfmp> CreerAsync(CproFactory factory, bool actif = true)
    {
        var pfmp = await Pfmp.CreerAsync(factory);
        if (actif)
        {
            (await pfmp.Ddftp.PutAsJsonAsync($"{Api}/activation", new { actif = true })).EnsureSuccessStatusCode();
        }
        return pfmp;
    }

    public static object Libre(string titre = "Mon premier tableau électrique", string? fait = "J'ai câblé un tableau de distribution.",
        string[]? competences = null) => new
    {
        titre, lieu = "centreFormation", contexte = "Atelier habitat", date = "2026-11-12", ceQueJaiFait = fait,
        ceQueJaiAppris = "À vérifier chaque serrage.", competences = competences ?? ["C1"],
    };

    public static async Task<JsonElement> ReussiteAsync(HttpClient eleve, object? corps = null)
    {
        var reponse = await eleve.PostAsJsonAsync($"{Api}/reussites", corps ?? Libre());
        Assert.True(reponse.StatusCode == System.Net.HttpStatusCode.Created, await reponse.Content.ReadAsStringAsync());
        return await reponse.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A JPEG of this size whose EXIF says where it was taken (GPS latitude 48° 51′ N) and by which camera.</summary>
    public static byte[] JpegAvecGps(int largeur = 2400, int hauteur = 1200)
    {
        using var bitmap = new SKBitmap(largeur, hauteur);
        using (var canevas = new SKCanvas(bitmap))
        {
            canevas.Clear(SKColors.SteelBlue);
        }
        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 80).ToArray();
        return [.. jpeg[..2], .. SegmentExif(), .. jpeg[2..]];
    }

    /// <summary>An APP1 « Exif » segment: IFD0 with the camera's make and a GPS IFD (latitude N 48/1 51/1 0/1).</summary>
    private static byte[] SegmentExif()
    {
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange([(byte)v, (byte)(v >> 8)]);
        void U32(long v) => tiff.AddRange([(byte)v, (byte)(v >> 8), (byte)(v >> 16), (byte)(v >> 24)]);
        tiff.AddRange("II"u8.ToArray());
        U16(42);
        U32(8);
        // IFD0 at 8: 2 entries (12 bytes each) + next IFD offset: ends at 8 + 2 + 24 + 4 = 38.
        U16(2);
        U16(0x010F); U16(2); U32(8); U32(38);          // Make, ASCII, 8 bytes at 38
        U16(0x8825); U16(4); U32(1); U32(46);          // GPSInfo IFD at 46
        U32(0);
        tiff.AddRange("CamGPS\0\0"u8.ToArray());       // 38..46
        // GPS IFD at 46: 2 entries: ends at 46 + 2 + 24 + 4 = 76.
        U16(2);
        U16(0x0001); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray()); // GPSLatitudeRef
        U16(0x0002); U16(5); U32(3); U32(76);          // GPSLatitude, 3 rationals at 76
        U32(0);
        foreach (var (n, d) in new[] { (48, 1), (51, 1), (0, 1) })
        {
            U32(n);
            U32(d);
        }
        var contenu = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var longueur = contenu.Length + 2;
        return [0xFF, 0xE1, (byte)(longueur >> 8), (byte)longueur, .. contenu];
    }
}
