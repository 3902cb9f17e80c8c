using Mediator;

namespace Cpro.Referentiels.Contracts;

/// <summary>A diploma's référentiel as other modules read it: blocs → activités → tâches, and the compétences with
/// their critères. Codes are those of the référentiel; a critère's code is its compétence's code and its rank
/// (« C1.3 »).</summary>
public sealed record ReferentielDto(
    string Code, string Diplome, string Niveau, string Intitule, string Version, IReadOnlyList<string> NiveauxDeClasse,
    IReadOnlyList<BlocDto> Blocs, IReadOnlyList<ActiviteDto> ActivitesTransversales, IReadOnlyList<CompetenceDto> Competences,
    IReadOnlyList<CompetenceCommuneDto> CompetencesCommunes);

public sealed record BlocDto(string Code, string Intitule, IReadOnlyList<ActiviteDto> Activites);

public sealed record ActiviteDto(string Code, string Intitule, bool Transversale, IReadOnlyList<TacheDto> Taches, IReadOnlyList<string> Competences);

public sealed record TacheDto(string Code, string Intitule);

public sealed record CompetenceDto(string Code, string Intitule, IReadOnlyList<string> Blocs, IReadOnlyList<string> Activites,
    IReadOnlyList<string> Taches, IReadOnlyList<string> CompetencesCommunes, IReadOnlyList<CritereDto> Criteres);

public sealed record CritereDto(string Code, string Intitule);

/// <summary>Shared by the specialties of a family of trades (e.g. 2TNE): the scenarios' « compétences transversales ».</summary>
public sealed record CompetenceCommuneDto(string Code, string Intitule);

/// <summary>A référentiel of the catalogue by its code, or null.</summary>
public sealed record ObtenirReferentiel(string Code) : IQuery<ReferentielDto?>;

/// <summary>A diploma an establishment subscribes to, and for each class level the divisions that follow it.</summary>
public sealed record AbonnementDto(string Referentiel, string Intitule, IReadOnlyList<NiveauAbonneDto> Niveaux);

public sealed record NiveauAbonneDto(string NiveauClasse, IReadOnlyList<string> Divisions);

/// <summary>The establishment's subscriptions (its teachers see these diplomas only).</summary>
public sealed record ListerAbonnements(Guid EtablissementId) : IQuery<IReadOnlyList<AbonnementDto>>;
