using Cpro.Kernel.Errors;
using Cpro.Referentiels.Contracts;
using Mediator;

namespace Cpro.Book.Domain;

/// <summary>The diploma a learner prepares: the référentiel the establishment subscribes to for their division, and its
/// competences, which a réussite is tied to.</summary>
internal sealed record Diplome(string Code, string Intitule, IReadOnlyList<Referentiels.Contracts.CompetenceDto> Competences)
{
    public static readonly Diplome Aucun = new("", "", []);

    public static async Task<Diplome> DeAsync(IMediator mediator, Guid etablissement, string? division, CancellationToken cancellationToken)
    {
        if (division is null)
        {
            return Aucun;
        }
        var abonnement = (await mediator.Send(new ListerAbonnements(etablissement), cancellationToken))
            .FirstOrDefault(a => a.Niveaux.Any(n => n.Divisions.Contains(division)));
        return abonnement is null ? Aucun : await ParCodeAsync(mediator, abonnement.Referentiel, cancellationToken);
    }

    public static async Task<Diplome> ParCodeAsync(IMediator mediator, string code, CancellationToken cancellationToken) =>
        code.Length == 0
            ? Aucun
            : await mediator.Send(new ObtenirReferentiel(code), cancellationToken) is { } r
                ? new Diplome(r.Code, r.Intitule, r.Competences)
                : Aucun;

    public string IntituleDe(string competence) => Competences.FirstOrDefault(c => c.Code == competence)?.Intitule ?? competence;

    /// <summary>These codes, each a competence of the diploma (422 naming the others), in the référentiel's order.</summary>
    public List<string> Verifier(IEnumerable<string> codes)
    {
        var liste = codes.Distinct(StringComparer.Ordinal).ToList();
        if (liste.Count > 0 && Competences.Count == 0)
        {
            throw new NonTraitableException("Votre classe ne prépare aucun diplôme auquel l'établissement est abonné : pas de compétences à relier.");
        }
        if (liste.Where(c => Competences.All(k => k.Code != c)).ToList() is { Count: > 0 } autres)
        {
            throw new NonTraitableException($"Ces compétences ne sont pas celles de votre diplôme : {string.Join(", ", autres)}.");
        }
        return [.. Competences.Select(c => c.Code).Where(liste.Contains)];
    }
}
