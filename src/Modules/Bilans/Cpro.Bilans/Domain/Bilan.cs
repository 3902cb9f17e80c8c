using System.Globalization;
using Cpro.Kernel.Errors;
using JasperFx;

namespace Cpro.Bilans.Domain;

/// <summary>A learner's bilan on one référentiel: intermédiaire for an official period (trimester or semester), or de fin de
/// cycle for the final year. Each competence keeps the level the establishment's rule computed from the evidence, the
/// evidence itself, and the teacher's level if they adjusted it. A draft follows the evidence as it comes; finalised, it
/// is a snapshot that later evaluations never change, until the DDFTP reopens it (recorded with a reason).</summary>
internal sealed class Bilan : IRevisioned
{
    public const string Intermediaire = "intermediaire";
    public const string FinCycle = "finCycle";

    public Guid Id { get; init; } = Guid.NewGuid();
    /// <summary>Learner, period (or « cycle ») and référentiel: unique per establishment, so two teachers starting the same
    /// bilan at once get a conflict rather than two bilans.</summary>
    public required string Cle { get; init; }
    public Guid ApprenantId { get; init; }
    /// <summary>The learner's division when the bilan was started (a learner may change class; the bilan stays where it was drawn up).</summary>
    public string? Division { get; init; }
    public required string Referentiel { get; init; }
    public required string ReferentielIntitule { get; init; }
    public required string NiveauClasse { get; init; }
    /// <summary><see cref="Intermediaire"/> or <see cref="FinCycle"/>.</summary>
    public required string Type { get; init; }
    /// <summary>The official period (null for a bilan de fin de cycle).</summary>
    public Guid? PeriodeId { get; init; }
    public required string PeriodeLibelle { get; init; }
    public DateOnly Debut { get; init; }
    /// <summary>Evidence dated up to this day counts.</summary>
    public DateOnly Fin { get; init; }
    public int AnneeScolaire { get; init; }
    /// <summary>What the establishment's rule retains, as it was when last computed.</summary>
    public string Regle { get; set; } = "";
    public List<CompetenceBilan> Competences { get; set; } = [];
    public string? Appreciation { get; set; }
    public DateTimeOffset CreeLe { get; init; }
    public required string CreePar { get; init; }
    public DateTimeOffset ModifieLe { get; set; }
    public required string ModifiePar { get; set; }
    public DateTimeOffset? FinaliseLe { get; set; }
    public string? FinalisePar { get; set; }
    /// <summary>Finalisations and reopenings, oldest first.</summary>
    public List<EtapeBilan> Historique { get; set; } = [];
    /// <summary>Marten's numeric revision: a save from a stale copy gets a conflict naming who saved since.</summary>
    public int Version { get; set; }

    public bool Finalise => FinaliseLe is not null;

    public static string CleDe(Guid apprenantId, Guid? periodeId, string referentiel) =>
        $"{apprenantId:N}:{(periodeId is { } p ? p.ToString("N") : "cycle")}:{referentiel}";

    /// <summary>409 naming who saved since the version read.</summary>
    public void VerifierVersion(int versionLue)
    {
        if (Version != versionLue)
        {
            throw new ConflitException($"Le bilan a été enregistré {Depuis(ModifiePar, ModifieLe)} depuis que vous l'avez ouvert : rechargez-le.");
        }
    }

    /// <summary>409 once finalised: the DDFTP reopens it first.</summary>
    public void VerifierBrouillon()
    {
        if (Finalise)
        {
            throw new ConflitException($"Le bilan a été finalisé {Depuis(FinalisePar!, FinaliseLe!.Value)} : le DDFTP doit le rouvrir pour le modifier.");
        }
    }

    /// <summary>« par Claire DUPONT le 12/01/2027 à 10:04 ».</summary>
    public static string Depuis(string par, DateTimeOffset le) =>
        $"par {par} le {Heure.Locale(le).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture)}";
}

/// <summary>One competence of a bilan: the computed level and how, the evidence, the teacher's adjustment and comment.</summary>
internal sealed class CompetenceBilan
{
    public required string Code { get; init; }
    public required string Intitule { get; init; }
    /// <summary>« 1 »…« 4 » as the rule gives it from <see cref="Preuves"/>; null without evidence.</summary>
    public string? NiveauCalcule { get; set; }
    public string Explication { get; set; } = "";
    public List<PreuveBilan> Preuves { get; set; } = [];
    /// <summary>The teacher's level (« 1 »…« 4 », or « NE »: not evaluated), when they changed the computed one.</summary>
    public string? Niveau { get; set; }
    public string? Commentaire { get; set; }

    /// <summary>The level the bilan retains: the teacher's, else the computed one.</summary>
    public string? Retenu => Niveau ?? NiveauCalcule;
}

/// <summary>A positioning a computed level comes from.</summary>
internal sealed class PreuveBilan
{
    public Guid EvaluationId { get; init; }
    public required string Titre { get; init; }
    public DateOnly Date { get; init; }
    public required string Enseignant { get; init; }
    public bool EnEntreprise { get; init; }
    public required string Item { get; init; }
    public required string Niveau { get; init; }
}

/// <summary>« Finalisé » or « Rouvert », by whom and when; a reopening says why.</summary>
internal sealed class EtapeBilan
{
    public required string Action { get; init; }
    public required string Par { get; init; }
    public DateTimeOffset Le { get; init; }
    public string? Motif { get; init; }
}
