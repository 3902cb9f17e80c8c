using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Domain;
using Cpro.Portfolio.Contracts;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Periodes.Features;

internal sealed record ReferentDto(Guid Id, string Nom, string Prenom);

internal sealed record EntrepriseDto(string Nom, string? Siret, string? Adresse);

internal sealed record TuteurDto(Guid Id, string? Nom, string? Prenom, string? Email, string? Telephone);

/// <summary>Who filled a learner's entry last, and when.</summary>
internal sealed record SaisieDto(string Par, DateTimeOffset Le);

/// <summary><see cref="HorsNiveau"/>: the learner has left the period's level since (another division, or gone from the
/// establishment); they stay on the period until taken off. <see cref="Renseignable"/>: the reader may fill it
/// (<see cref="AccesEntreprise.PeutRenseigner"/>); <see cref="Saisie"/>: who did last.</summary>
internal sealed record AffectationDto(Guid ApprenantId, string Nom, string Prenom, string? Division, EntrepriseDto? Entreprise, TuteurDto? Tuteur, bool Renseignee,
    bool HorsNiveau, bool Renseignable, SaisieDto? Saisie);

/// <summary>What deleting a period, or taking learners off it, loses: their filled assignments, and their portfolios
/// (counted by Portfolio). <see cref="Total"/> is the number the confirmation repeats.</summary>
internal sealed record SaisiesPeriode(int FichesRenseignees, int FichesActivites, int EntreesJournal, int Bilans)
{
    public int Total => FichesRenseignees + FichesActivites + EntreesJournal + Bilans;

    public string Phrase() =>
        $"{FichesRenseignees} fiche(s) renseignée(s), {FichesActivites} fiche(s) activités, {EntreesJournal} entrée(s) du journal de bord, {Bilans} bilan(s) en entreprise";

    /// <param name="affectations">Those that go: every one of the period's when it is deleted (<paramref name="retrait"/>
    /// false), or those of the learners taken off (true: only their portfolios are counted).</param>
    public static async Task<SaisiesPeriode> LireAsync(IMediator mediator, Guid etablissementId, Guid periodeId,
        IReadOnlyCollection<AffectationEntreprise> affectations, bool retrait, CancellationToken cancellationToken)
    {
        var portfolio = await mediator.Send(new CompterPortfoliosPeriode(etablissementId, periodeId,
            retrait ? [.. affectations.Select(a => a.ApprenantId)] : null), cancellationToken);
        return new SaisiesPeriode(affectations.Count(a => a.Renseignee), portfolio.Fiches, portfolio.EntreesJournal, portfolio.Bilans);
    }
}

/// <summary>A company period as its reader may see it: a learner or a tutor gets only their own assignments;
/// <see cref="FichesRenseignees"/> and <see cref="Suppression"/> (what deleting it loses) are the DDFTP's only;
/// <see cref="ChoixTuteur"/>: the reader may pick a tutor among the establishment's accounts.</summary>
internal sealed record PeriodeEntrepriseDto(
    Guid Id, Guid? AnnexeId, string Type, string Referentiel, string NiveauClasse, string Titre, DateOnly Debut, DateOnly Fin, string? Objectifs,
    IReadOnlyList<string> Activites, IReadOnlyList<string> Taches, IReadOnlyList<ReferentDto> Referents, IReadOnlyList<AffectationDto> Apprenants,
    bool Modifiable, bool ChoixTuteur, int? FichesRenseignees, SaisiesPeriode? Suppression, int Version)
{
    /// <param name="toutes">Every assignment of the period, as the command leaves them (what it stored is not read back before the commit).</param>
    public static async Task<PeriodeEntrepriseDto> LireAsync(IMediator mediator, ICurrentUser user, Guid etablissementId, PeriodeEntreprise p,
        IReadOnlyCollection<AffectationEntreprise> toutes, CancellationToken cancellationToken)
    {
        var affectations = AccesEntreprise.AffectationsVisibles(user, p, toutes).ToList();
        var apprenants = (await mediator.Send(new ObtenirApprenants(etablissementId, [.. affectations.Select(a => a.ApprenantId)]), cancellationToken))
            .ToDictionary(a => a.UtilisateurId);
        var divisions = await AccesEntreprise.DivisionsDuNiveauAsync(mediator, etablissementId, p.Referentiel, p.NiveauClasse, cancellationToken);
        var enseignants = p.Referents.Count == 0 ? [] : await mediator.Send(new ListerEnseignants(etablissementId), cancellationToken);
        var declarant = AccesEntreprise.EstDeclarant(user);
        var suppression = declarant ? await SaisiesPeriode.LireAsync(mediator, etablissementId, p.Id, toutes, retrait: false, cancellationToken) : null;
        var lignes = affectations
            .Select(a => (a, apprenant: apprenants.GetValueOrDefault(a.ApprenantId) ?? ContenuPeriode.Supprime(a.ApprenantId, AccesEntreprise.StatutDes(p.Type))))
            .OrderBy(x => x.apprenant.Division).ThenBy(x => x.apprenant.Nom).ThenBy(x => x.apprenant.Prenom)
            .Select(x => Ligne(x.a, x.apprenant, divisions, AccesEntreprise.PeutRenseigner(user, p, x.a.ApprenantId)))
            .ToList();
        var referents = enseignants.Where(e => p.Referents.Contains(e.UtilisateurId)).Select(e => new ReferentDto(e.UtilisateurId, e.Nom, e.Prenom)).ToList();
        return new PeriodeEntrepriseDto(p.Id, p.AnnexeId, AccesEntreprise.Code(p.Type), p.Referentiel, p.NiveauClasse, p.Titre, p.Debut, p.Fin, p.Objectifs,
            p.Activites, p.Taches, referents, lignes, declarant, AccesEntreprise.PeutChoisirTuteur(user, p), suppression?.FichesRenseignees, suppression, p.Version);
    }

    /// <param name="divisions">Those of the period's level (<see cref="AccesEntreprise.DivisionsDuNiveauAsync"/>).</param>
    public static AffectationDto Ligne(AffectationEntreprise a, ApprenantEtablissement apprenant, IReadOnlyList<string>? divisions, bool renseignable) =>
        new(a.ApprenantId, apprenant.Nom, apprenant.Prenom, apprenant.Division,
            a.EntrepriseNom is null ? null : new EntrepriseDto(a.EntrepriseNom, a.EntrepriseSiret, a.EntrepriseAdresse),
            a.TuteurId is not { } tuteur ? null : new TuteurDto(tuteur, a.TuteurNom, a.TuteurPrenom, a.TuteurEmail, a.TuteurTelephone),
            a.Renseignee, !AccesEntreprise.DuNiveau(apprenant, divisions), renseignable,
            a is { ModifiePar: { } par, ModifieLe: { } le } ? new SaisieDto(par, le) : null);
}

/// <summary>Reads a company period, as far as the caller may see it (404 otherwise).</summary>
internal static class LirePeriodeEntreprise
{
    internal sealed record Query(Guid Id) : IQuery<PeriodeEntrepriseDto>;

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, PeriodeEntrepriseDto>
    {
        public async ValueTask<PeriodeEntrepriseDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = AccesPeriodes.Etablissement(user);
            var periode = await AccesEntreprise.VisibleAsync(session, user, query.Id, cancellationToken);
            return await PeriodeEntrepriseDto.LireAsync(mediator, user, etablissement, periode,
                await AccesEntreprise.AffectationsAsync(session, periode.Id, cancellationToken), cancellationToken);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/entreprise/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(id), ct)))
                .WithSummary("Lire une période en entreprise (un apprenant ou un tuteur n'y voit que ses propres affectations)");
    }
}
