using Cpro.Etablissements.Siecle;
using Microsoft.AspNetCore.Http;

namespace Cpro.IntegrationTests.Siecle;

/// <summary>An import's files are parsed side by side, and they are views of one uploaded body: each must read its own
/// bytes only, however the threads interleave.</summary>
public sealed class LectureParalleleTests
{
    [Fact]
    public async Task Two_files_of_one_body_read_at_once_each_get_their_own_bytes()
    {
        const int taille = 4 * 1024 * 1024;
        var corps = new MemoryStream([.. Enumerable.Repeat((byte)'a', taille), .. Enumerable.Repeat((byte)'b', taille)]);
        var fichiers = new[] { new FormFile(corps, 0, taille, "files", "a.xml"), new FormFile(corps, taille, taille, "files", "b.xml") };
        var verrou = new object();
        using var depart = new Barrier(2);

        var lus = await Task.WhenAll(fichiers.Select(f => Task.Factory.StartNew(() =>
        {
            using var flux = new ExclusiveReadStream(f, verrou);
            var octets = new List<byte>(taille);
            var tampon = new byte[61];
            depart.SignalAndWait();
            for (int n; (n = flux.Read(tampon, 0, tampon.Length)) > 0;)
            {
                octets.AddRange(tampon.AsSpan(0, n));
            }
            return octets;
        }, TaskCreationOptions.LongRunning)));

        Assert.Equal(taille, lus[0].Count);
        Assert.All(lus[0], o => Assert.Equal((byte)'a', o));
        Assert.Equal(taille, lus[1].Count);
        Assert.All(lus[1], o => Assert.Equal((byte)'b', o));
    }
}
