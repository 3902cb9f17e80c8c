using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Domain;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Periodes.Features;

/// <summary>The DDFTP edits a company period (dates, title, objectives, tasks, learners, referents) from the version read,
/// under the same overlap rule. Its learners stay on it even once they have left the level; only those added must be of it.
/// Taking a learner off loses their company and tutor: confirmed by their count, as a deletion.</summary>
internal static class ModifierPeriodeEntreprise
{
    /// <summary>Null lists keep the period's; <paramref name="Confirmation"/>: the number of filled entries the learners
    /// taken off would lose.</summary>
    internal sealed record Command(
        Guid Id, uint Version, string? Titre, DateOnly? Debut, DateOnly? Fin, string? Objectifs, IReadOnlyList<string>? Taches,
        IReadOnlyList<Guid>? Apprenants, IReadOnlyList<Guid>? Referents, int? Confirmation) : ICommand<PeriodeEntrepriseDto>, IContenuPeriode;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Titre).NotEmpty().WithMessage("Le titre est obligatoire.");
            ContenuPeriode.Regles(this);
        }
    }

    internal sealed class Handler(PeriodesDbContext db, ICurrentUser user, IMediator mediator) : ICommandHandler<Command, PeriodeEntrepriseDto>
    {
        public async ValueTask<PeriodeEntrepriseDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var periode = await AccesEntreprise.ModifiableAsync(db, user, command.Id, cancellationToken);
            if (periode.Version != command.Version)
            {
                throw Modifiee(periode);
            }
            var actuelles = await db.Affectations.Where(a => a.PeriodeId == periode.Id).ToListAsync(cancellationToken);
            var affectes = actuelles.Select(a => a.ApprenantId).ToList();
            var apprenants = await ContenuPeriode.ApprenantsAsync(mediator, periode.EtablissementId, periode.Referentiel, periode.NiveauClasse, periode.Type,
                command.Apprenants ?? affectes, affectes, cancellationToken);
            var referents = command.Referents is null ? periode.Referents : await ContenuPeriode.ReferentsAsync(mediator, periode.EtablissementId, command.Referents, cancellationToken);
            var taches = command.Taches is null ? periode.Taches : await ContenuPeriode.TachesAsync(mediator, periode.Referentiel, command.Taches, cancellationToken);
            var gardes = apprenants.Select(a => a.UtilisateurId).ToHashSet();
            var retirees = actuelles.Where(a => !gardes.Contains(a.ApprenantId)).ToList();
            var perdues = retirees.Count(a => a.Renseignee);
            if (perdues > 0 && command.Confirmation != perdues)
            {
                throw new ConflitException($"{perdues} fiche(s) renseignée(s) seront supprimée(s) avec les apprenants retirés de la période : confirmez la modification (confirmation={perdues}).");
            }
            await ContenuPeriode.VerifierChevauchementAsync(db, periode.EtablissementId, periode.Id, command.Debut!.Value, command.Fin!.Value, apprenants, cancellationToken);

            periode.Titre = command.Titre!.Trim();
            periode.Debut = command.Debut.Value;
            periode.Fin = command.Fin.Value;
            periode.Objectifs = DeclarerPeriodeEntreprise.Texte(command.Objectifs);
            periode.Taches = taches;
            periode.Referents = referents;
            db.Affectations.RemoveRange(retirees);
            db.Affectations.AddRange(apprenants.Where(a => !affectes.Contains(a.UtilisateurId))
                .Select(a => new AffectationEntreprise { PeriodeId = periode.Id, ApprenantId = a.UtilisateurId }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw Modifiee(periode);
            }
            return await PeriodeEntrepriseDto.LireAsync(db, mediator, user, periode, cancellationToken);
        }

        private static ConflitException Modifiee(PeriodeEntreprise periode) =>
            new($"La période « {periode.Titre} » a été modifiée depuis que vous l'avez ouverte : rechargez-la avant d'enregistrer.");
    }

    internal sealed record Corps(
        uint Version, string? Titre, DateOnly? Debut, DateOnly? Fin, string? Objectifs, IReadOnlyList<string>? Taches, IReadOnlyList<Guid>? Apprenants,
        IReadOnlyList<Guid>? Referents);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/entreprise/{id:guid}", async (Guid id, Corps corps, int? confirmation, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(id, corps.Version, corps.Titre, corps.Debut, corps.Fin, corps.Objectifs, corps.Taches,
                        corps.Apprenants, corps.Referents, confirmation), ct)))
                .WithSummary("Modifier une période en entreprise (DDFTP ; version : celle lue, sinon 409 ; ?confirmation=N si des apprenants retirés perdent N fiches)");
    }
}
