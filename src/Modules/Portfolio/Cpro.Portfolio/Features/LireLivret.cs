using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Contracts;
using Cpro.Portfolio.Domain;
using Cpro.Portfolio.Livret;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Portfolio.Features;

/// <summary>The livret d'apprentissage numérique: an apprentice's périodes employeur of a school year (the current one unless
/// named) with their fiches activités, journal de bord and comments, and bilans en entreprise, read in the portal and printed
/// as PDF. For the apprentice, their referents and maître d'apprentissage on one of those periods, the DDFTP and the head;
/// anyone else of the establishment 403, another establishment 404 (the learner is asked of Etablissements in the caller's
/// establishment only).</summary>
internal static class LireLivret
{
    internal sealed record Query(Guid ApprenantId, int? Annee) : IQuery<LivretApprentissage>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.Annee).InclusiveBetween(2000, 2100).When(q => q.Annee is not null)
                .WithMessage("L'année scolaire se donne par l'année de la rentrée (2026 pour 2026-2027).").OverridePropertyName("annee");
    }

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : IQueryHandler<Query, LivretApprentissage>
    {
        public async ValueTask<LivretApprentissage> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = AccesPortfolio.Etablissement(user);
            var id = query.ApprenantId;
            var apprenant = await mediator.Send(new ObtenirApprenants(etablissement, [id]), cancellationToken) is [var trouve, ..]
                ? trouve
                : throw new IntrouvableException("Apprenant introuvable dans cet établissement.");
            var annee = query.Annee ?? LivretApprentissage.AnneeDe(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            // Periodes answers « the periods this user follows » for the apprentice as if they asked: their own assignments.
            var periodes = (await mediator.Send(new ListerPeriodesEntrepriseSuivies(etablissement, id, false), cancellationToken))
                .Where(p => p.Type == "periodeEmployeur" && LivretApprentissage.AnneeDe(p.Debut) == annee && p.Apprenants.Any(a => a.ApprenantId == id))
                .OrderBy(p => p.Debut).ToList();
            var moi = user.UserId ?? Guid.Empty;
            if (moi != id && !AccesPortfolio.VoitTout(user)
                && !periodes.Any(p => p.Referents.Contains(moi) || p.Apprenants.Any(a => a.ApprenantId == id && a.TuteurId == moi)))
            {
                throw new InterditException("Seuls l'apprenti, ses professeurs référents, son maître d'apprentissage, le DDFTP et le chef d'établissement consultent ce livret.");
            }
            return new LivretApprentissage(id, apprenant.Nom, apprenant.Prenom, apprenant.Division, annee,
                periodes.Count == 0 ? [] : await PeriodesAsync(etablissement, id, periodes, cancellationToken));
        }

        private async Task<List<PeriodeLivret>> PeriodesAsync(Guid etablissement, Guid id, List<PeriodeEntrepriseSuivie> periodes, CancellationToken cancellationToken)
        {
            var ids = periodes.Select(p => p.Id).ToList();
            var lecture = session.CreateBatchQuery();
            var fichesLues = lecture.Query<FicheActivite>().Where(f => f.ApprenantId == id && ids.Contains(f.PeriodeId)).ToList();
            var entreesLues = lecture.Query<EntreeJournal>().Where(e => e.ApprenantId == id && ids.Contains(e.PeriodeId)).ToList();
            var commentairesLus = lecture.Query<CommentaireJournal>().Where(c => c.ApprenantId == id && ids.Contains(c.PeriodeId)).ToList();
            var bilansLus = lecture.Query<BilanEntreprise>().Where(b => b.ApprenantId == id && ids.Contains(b.PeriodeId)).ToList();
            await lecture.Execute(cancellationToken);
            var fiches = (await fichesLues).OrderBy(f => f.Debut).ThenBy(f => f.CreeLe).ToLookup(f => f.PeriodeId);
            var entrees = (await entreesLues).OrderBy(e => e.Date).ThenBy(e => e.CreeLe).ToLookup(e => e.PeriodeId);
            var commentaires = (await commentairesLus).OrderBy(c => c.Le).ToLookup(c => c.EntreeId);
            var bilans = (await bilansLus).ToDictionary(b => b.PeriodeId);
            var referentiels = new Dictionary<string, ReferentielPortfolio>(StringComparer.Ordinal);
            foreach (var code in periodes.Select(p => p.Referentiel).Distinct())
            {
                referentiels[code] = await ReferentielPortfolio.ChargerAsync(mediator, code, cancellationToken);
            }
            var enseignants = periodes.Any(p => p.Referents.Count > 0)
                ? (await mediator.Send(new ListerEnseignants(etablissement), cancellationToken)).ToDictionary(e => e.UtilisateurId, e => $"{e.Prenom} {e.Nom}")
                : [];

            return [.. periodes.Select(p =>
            {
                var referentiel = referentiels[p.Referentiel];
                string Libelle(string code) => $"{code} {referentiel.Intitule(code)}";
                var a = p.Apprenants.First(x => x.ApprenantId == id);
                return new PeriodeLivret(p.Id, p.Titre, p.Debut, p.Fin, a.EntrepriseNom, a.TuteurId is null ? null : $"{a.TuteurPrenom} {a.TuteurNom}",
                    [.. p.Referents.Select(r => enseignants.GetValueOrDefault(r)).OfType<string>()],
                    [.. fiches[p.Id].Select(f => new FicheLivret(f.Titre, f.Debut, f.Fin,
                        f.Statut == StatutFiche.Brouillon ? "brouillon" : f.RevueLe is null ? "soumise" : "révisée", f.Contexte, f.Realisation,
                        [.. (f.TachesRetenues ?? f.Taches).Select(Libelle)], [.. f.Items.Select(Libelle)], f.RevuePar))],
                    [.. entrees[p.Id].Select(e => new EntreeLivret(e.Date, e.Semaine, e.Texte,
                        [.. commentaires[e.Id].Select(c => new CommentaireDto(c.Id, c.AuteurNom, c.Qualite, c.Texte, c.Le))]))],
                    bilans.GetValueOrDefault(p.Id) is { } b ? Bilan(b, referentiel) : null);
            })];
        }

        private static BilanLivret Bilan(BilanEntreprise b, ReferentielPortfolio referentiel) =>
            new(b.Finalise, b.FinaliseLe, b.FinalisePar, b.SaisieSurPapier, BilanDto.De(b, referentiel).Items, b.Commentaire);
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/apprenants/{apprenantId:guid}/livret.pdf", async (Guid apprenantId, int? annee, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                {
                    var livret = await mediator.Send(new Query(apprenantId, annee), ct);
                    response.Headers.ContentDisposition = NomFichier.Telechargement($"livret-apprentissage-{livret.Nom}-{livret.Prenom}-{livret.AnneeScolaire}.pdf");
                    return TypedResults.File(LivretPdf.Ecrire(livret), "application/pdf");
                })
                .WithSummary("Le livret d'apprentissage d'un apprenti en PDF, pour une année scolaire (annee : l'année de la rentrée ; l'année en cours si absente)");
    }
}
