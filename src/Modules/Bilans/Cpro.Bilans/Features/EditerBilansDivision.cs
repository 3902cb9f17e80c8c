using Carter;
using Cpro.Bilans.Domain;
using Cpro.Bilans.Edition;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Contracts;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Bilans.Features;

/// <summary>« Éditer les bilans » of a division for the conseil de classe: one learner per page, by name, with their
/// finalised bilan of the official period (a page saying there is none otherwise). For the DDFTP, the head and the
/// division's teachers.</summary>
internal static class EditerBilansDivision
{
    internal sealed record Query(string Division, Guid? Periode) : IQuery<Edition>;

    internal sealed record Edition(string Periode, byte[] Pdf);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Periode).NotNull().WithMessage("Choisissez la période officielle (periode=).").OverridePropertyName("periode");
    }

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, Edition>
    {
        public async ValueTask<Edition> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = AccesBilans.Etablissement(user);
            if (!(await mediator.Send(new ListerDivisions(etablissement), cancellationToken)).Any(d => d.Code == query.Division))
            {
                throw new IntrouvableException($"Division {query.Division} introuvable dans cet établissement.");
            }
            if (!AccesBilans.EstDirection(user)
                && !(user.HasProfil(Profils.Enseignant) && (await mediator.Send(new ListerDivisionsEnseignant(etablissement, user.UserId!.Value), cancellationToken))
                    .Contains(query.Division)))
            {
                throw new InterditException("Réservé au DDFTP, au chef d'établissement et aux enseignants de la division.");
            }
            var periode = (await mediator.Send(new ListerPeriodesOfficiellesEtablissement(etablissement, null), cancellationToken))
                .FirstOrDefault(p => p.Id == query.Periode) ?? throw new IntrouvableException("Période officielle introuvable.");
            var apprenants = await mediator.Send(new ListerApprenantsDesDivisions(etablissement, [query.Division]), cancellationToken);
            var bilans = (await session.Query<Bilan>().Where(b => b.PeriodeId == periode.Id && b.FinaliseLe != null).ToListAsync(cancellationToken))
                .ToLookup(b => b.ApprenantId);
            // A learner who changed class since keeps their page in the division the bilan was drawn up in.
            var partis = bilans.SelectMany(g => g).Where(b => b.Division == query.Division).Select(b => b.ApprenantId)
                .Except(apprenants.Select(a => a.UtilisateurId)).ToList();
            var tous = partis.Count == 0 ? apprenants : [.. apprenants, .. await mediator.Send(new ObtenirApprenants(etablissement, partis), cancellationToken)];
            var pages = tous.OrderBy(a => a.Nom).ThenBy(a => a.Prenom)
                .SelectMany(a => bilans[a.UtilisateurId].Any()
                    ? bilans[a.UtilisateurId].Select(b => new BilansPdf.Page($"{a.Prenom} {a.Nom}", b.Division, b))
                    : [new BilansPdf.Page($"{a.Prenom} {a.Nom}", query.Division, null)])
                .ToList();
            return new Edition(periode.Libelle, BilansPdf.Ecrire($"Bilans de la division {query.Division} — {periode.Libelle}", pages,
                "Aucun apprenant dans cette division."));
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/divisions/{division}/export.pdf", async (string division, Guid? periode, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                {
                    var edition = await mediator.Send(new Query(division, periode), ct);
                    response.Headers.ContentDisposition = NomFichier.Telechargement($"bilans-{division}-{edition.Periode}.pdf");
                    return TypedResults.File(edition.Pdf, "application/pdf");
                })
                .WithSummary("Éditer les bilans d'une division pour une période officielle, un apprenant par page, pour le conseil de classe (PDF ; DDFTP, chef d'établissement, enseignants de la division)");
    }
}
