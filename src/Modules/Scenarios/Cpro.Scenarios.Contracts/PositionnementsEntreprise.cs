using Mediator;

namespace Cpro.Scenarios.Contracts;

/// <summary>A finalised bilan en entreprise's positionings join the learner's follow-up as one evaluation « en entreprise »
/// (under the bilan's id; sent again, it replaces it), in the same unit of work as the finalisation.
/// <paramref name="Mode"/>: « competences » or « criteres », as an evaluation's; levels are the grid's codes « 1 »…« 4 ».</summary>
public sealed record EnregistrerBilanEntreprise(
    Guid EtablissementId, Guid BilanId, Guid ApprenantId, string Titre, string Referentiel, string NiveauClasse, DateOnly Date, Guid EnseignantId,
    string EnseignantNom, string Mode, IReadOnlyList<PositionnementEntreprise> Positionnements) : ICommand;

public sealed record PositionnementEntreprise(string Item, string Niveau, string? Commentaire);

/// <summary>A bilan en entreprise reopened: its positionings leave the learner's follow-up until it is finalised again.</summary>
public sealed record RetirerBilanEntreprise(Guid EtablissementId, Guid BilanId, Guid ApprenantId) : ICommand;
