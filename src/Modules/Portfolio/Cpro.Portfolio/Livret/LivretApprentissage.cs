using Cpro.Portfolio.Domain;

namespace Cpro.Portfolio.Livret;

/// <summary>An apprentice's livret d'apprentissage for one school year (named by the year it starts in, 2026 for 2026-2027):
/// each of their périodes employeur that starts in it, oldest first, with what the portfolio holds on it. What the page
/// shows and the PDF prints.</summary>
internal sealed record LivretApprentissage(Guid ApprenantId, string Nom, string Prenom, string? Division, int Annee, IReadOnlyList<PeriodeLivret> Periodes)
{
    public string AnneeScolaire => $"{Annee}-{Annee + 1}";

    /// <summary>The school year a day belongs to: 1 September to 31 August.</summary>
    public static int AnneeDe(DateOnly jour) => jour.Month >= 9 ? jour.Year : jour.Year - 1;
}

internal sealed record PeriodeLivret(
    Guid Id, string Titre, DateOnly Debut, DateOnly Fin, string? Entreprise, string? MaitreApprentissage, IReadOnlyList<string> Referents,
    IReadOnlyList<FicheLivret> Fiches, IReadOnlyList<EntreeLivret> Journal, BilanLivret? Bilan);

/// <summary>A fiche activités; <see cref="Taches"/> and <see cref="Items"/> as « code intitulé », the tasks those the referent
/// retained once reviewed.</summary>
internal sealed record FicheLivret(
    string Titre, DateOnly Debut, DateOnly? Fin, string Statut, string? Contexte, string? Realisation, IReadOnlyList<string> Taches,
    IReadOnlyList<string> Items, string? RevuePar);

/// <summary>A journal entry and its comments (the maître d'apprentissage's and the referents'), oldest first.</summary>
internal sealed record EntreeLivret(DateOnly Date, bool Semaine, string Texte, IReadOnlyList<CommentaireDto> Commentaires);

internal sealed record BilanLivret(bool Finalise, DateTimeOffset? FinaliseLe, string? FinalisePar, bool SaisieSurPapier, IReadOnlyList<ItemBilanDto> Items,
    string? Commentaire);
