namespace Cpro.IntegrationTests.Infrastructure;

/// <summary>Distinct valid UAIs (7 digits and their check letter) for the tests of one run.</summary>
public static class TestUai
{
    private static int _next = Random.Shared.Next(1_000_000, 8_000_000);

    public static string Next()
    {
        var digits = Interlocked.Increment(ref _next).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        return digits + WithLetter(digits);
    }

    public static char WithLetter(string digits) => "ABCDEFGHJKLMNPRSTUVWXYZ"[(int)(long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) % 23)];
}
