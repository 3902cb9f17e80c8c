namespace Cpro.Bilans.Domain;

/// <summary>Dates as French users read them: Paris time, whatever the server's zone.</summary>
internal static class Heure
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset Locale(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Paris);

    public static DateOnly Jour(DateTimeOffset instant) => DateOnly.FromDateTime(Locale(instant).DateTime);

    /// <summary>A school year, named by the calendar year it starts in (2026 for 2026-2027): 1 September to 31 August.</summary>
    public static int AnneeScolaire(DateOnly jour) => jour.Month >= 9 ? jour.Year : jour.Year - 1;

    public static string LibelleAnnee(int annee) => $"{annee}-{annee + 1}";
}
