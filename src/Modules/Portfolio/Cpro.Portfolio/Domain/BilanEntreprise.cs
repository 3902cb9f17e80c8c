using Cpro.Kernel.Errors;
using JasperFx;
using Marten;

namespace Cpro.Portfolio.Domain;

/// <summary>A learner's review at the end of a company period, one per learner and period: the competences or criteria the
/// referents chose from the fiches, each positioned on the four degrees by the teacher and the tutor or maître
/// d'apprentissage together, and a general comment. Entered online, or re-keyed by the teacher from the printed form (said
/// so). Finalised, it is frozen and its positionings join the learner's follow-up (Scenarios) as « en entreprise »;
/// reopening it withdraws them, and is recorded.</summary>
internal sealed class BilanEntreprise : IRevisioned
{
    public const string ModeCompetences = "competences";
    public const string ModeCriteres = "criteres";

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PeriodeId { get; init; }
    public Guid ApprenantId { get; init; }
    /// <summary>« competences » (compétences générales) or « criteres » (détaillée par critères).</summary>
    public string Mode { get; set; } = ModeCompetences;
    /// <summary>The competences and criteria chosen on the fiches' reviews, in the référentiel's order.</summary>
    public List<string> Selection { get; set; } = [];
    /// <summary>Each positioned item's level: « 1 »…« 4 », or « NE » (not evaluated, said explicitly).</summary>
    public Dictionary<string, string> Niveaux { get; set; } = [];
    public string? Commentaire { get; set; }
    /// <summary>Re-keyed by the teacher from the printed form rather than entered online.</summary>
    public bool SaisieSurPapier { get; set; }
    public DateTimeOffset? FinaliseLe { get; set; }
    public string? FinalisePar { get; set; }
    /// <summary>Finalisations and reopenings, oldest first.</summary>
    public List<EtapeBilan> Historique { get; set; } = [];
    public DateTimeOffset ModifieLe { get; set; }
    public required string ModifiePar { get; set; }
    /// <summary>Marten's numeric revision: a write from a stale copy gets a conflict.</summary>
    public int Version { get; set; }

    public bool Finalise => FinaliseLe is not null;

    /// <summary>The learner's bilan on the period, if a review or a save created it.</summary>
    public static async Task<BilanEntreprise?> DeAsync(IQuerySession session, Suivi suivi, CancellationToken cancellationToken) =>
        await session.Query<BilanEntreprise>()
            .SingleOrDefaultAsync(b => b.PeriodeId == suivi.Periode.Id && b.ApprenantId == suivi.Affectation.ApprenantId, cancellationToken);

    /// <summary>409 naming who saved the bilan since the version read (0: none existed).</summary>
    public static void VerifierVersion(BilanEntreprise? bilan, int versionLue)
    {
        if ((bilan?.Version ?? 0) != versionLue)
        {
            throw new ConflitException(bilan is null
                ? "Le bilan n'existe plus dans la version que vous avez ouverte : rechargez-le."
                : $"Le bilan a été enregistré {AccesPortfolio.Depuis(bilan.ModifiePar, bilan.ModifieLe)} depuis que vous l'avez ouvert : rechargez-le.");
        }
    }

    /// <summary>409 once finalised: a referent reopens it first.</summary>
    public void VerifierOuvert()
    {
        if (Finalise)
        {
            throw new ConflitException($"Le bilan a été finalisé {AccesPortfolio.Depuis(FinalisePar!, FinaliseLe!.Value)} : un professeur référent doit le rouvrir pour le modifier.");
        }
    }
}

/// <summary>« Finalisé » or « Rouvert », by whom and when.</summary>
internal sealed class EtapeBilan
{
    public required string Action { get; init; }
    public required string Par { get; init; }
    public DateTimeOffset Le { get; init; }
}
