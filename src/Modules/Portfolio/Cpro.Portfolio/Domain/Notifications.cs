using Marten;

namespace Cpro.Portfolio.Domain;

/// <summary>Something a referent or the tutor should hear of (a fiche submitted, a journal entry written), waiting for
/// that person's daily digest (<see cref="Notifications"/>). Written in the unit of work of what caused it: no event is
/// told that did not happen, none lost if the digest fails.</summary>
internal sealed class NotificationPortfolio
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EtablissementId { get; init; }
    public Guid DestinataireId { get; init; }
    public Guid PeriodeId { get; init; }
    public Guid ApprenantId { get; init; }
    /// <summary>What happened, a line of the digest (« Léa MARTIN a soumis la fiche « Pose de prises » »).</summary>
    public required string Texte { get; init; }
    /// <summary>Where to see it, relative to the site (« /portfolio/{periode}/{apprenant} »).</summary>
    public required string Lien { get; init; }
    public DateTimeOffset Le { get; init; }
}

/// <summary>A digest written to one person for one day (its id says who and which day): a second the same day is refused
/// by the store, whoever tries it.</summary>
internal sealed class ResumeEnvoye
{
    public required string Id { get; init; }
    public Guid DestinataireId { get; init; }
    public DateOnly Jour { get; init; }

    public static string IdDe(Guid destinataire, DateOnly jour) => $"{destinataire:N}:{jour:yyyy-MM-dd}";
}

internal static class Notifications
{
    /// <summary>The day a digest belongs to: the establishments' day, in France.</summary>
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Jour(DateTimeOffset instant) => DateOnly.FromDateTime(Heure(instant).DateTime);

    public static DateTimeOffset Heure(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Paris);

    /// <summary>Tells the learner's referents and tutor (not the author) of something done on the learner's portfolio.</summary>
    public static void Notifier(IDocumentSession session, Suivi suivi, string texte, string lien, DateTimeOffset le)
    {
        var destinataires = suivi.Periode.Referents.Append(suivi.Affectation.TuteurId ?? Guid.Empty)
            .Where(id => id != Guid.Empty && id != suivi.Moi).Distinct();
        foreach (var destinataire in destinataires)
        {
            session.Insert(new NotificationPortfolio
            {
                EtablissementId = suivi.Etablissement, DestinataireId = destinataire, PeriodeId = suivi.Periode.Id, ApprenantId = suivi.Affectation.ApprenantId,
                Texte = texte, Lien = lien, Le = le,
            });
        }
    }
}
