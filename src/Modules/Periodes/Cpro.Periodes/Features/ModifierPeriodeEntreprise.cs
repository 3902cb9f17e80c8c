using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Periodes.Domain;
using Cpro.Portfolio.Contracts;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Periodes.Features;

/// <summary>The DDFTP edits a company period (dates, title, objectives, tasks, learners, referents) from the version read,
/// under the same overlap rule. Its learners stay on it even once they have left the level; only those added must be of it.
/// Taking a learner off loses their company and tutor: confirmed by their count, as a deletion.</summary>
internal static class ModifierPeriodeEntreprise
{
    /// <summary>Null lists keep the period's; <paramref name="Confirmation"/>: the number of filled entries the learners
    /// taken off would lose.</summary>
    internal sealed record Command(
        Guid Id, int Version, string? Titre, DateOnly? Debut, DateOnly? Fin, string? Objectifs, IReadOnlyList<string>? Taches,
        IReadOnlyList<Guid>? Apprenants, IReadOnlyList<Guid>? Referents, int? Confirmation) : ICommand<PeriodeEntrepriseDto>, IContenuPeriode;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Titre).NotEmpty().WithMessage("Le titre est obligatoire.");
            ContenuPeriode.Regles(this);
        }
    }

    internal sealed class Handler(IDocumentSession session, UnitOfWork unitOfWork, ICurrentUser user, IMediator mediator) : ICommandHandler<Command, PeriodeEntrepriseDto>
    {
        public async ValueTask<PeriodeEntrepriseDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var periode = await AccesEntreprise.ModifiableAsync(session, unitOfWork, user, command.Id, cancellationToken);
            if (periode.Version != command.Version)
            {
                throw Modifiee(periode);
            }
            var etablissement = AccesPeriodes.Etablissement(user);
            var actuelles = await AccesEntreprise.AffectationsAsync(session, periode.Id, cancellationToken);
            var affectes = actuelles.Select(a => a.ApprenantId).ToList();
            var apprenants = await ContenuPeriode.ApprenantsAsync(mediator, etablissement, periode.Referentiel, periode.NiveauClasse, periode.Type,
                command.Apprenants ?? affectes, affectes, cancellationToken);
            var referents = command.Referents is null ? periode.Referents : await ContenuPeriode.ReferentsAsync(mediator, etablissement, command.Referents, cancellationToken);
            var taches = command.Taches is null ? periode.Taches : await ContenuPeriode.TachesAsync(mediator, periode.Referentiel, command.Taches, cancellationToken);
            var gardes = apprenants.Select(a => a.UtilisateurId).ToHashSet();
            var retirees = actuelles.Where(a => !gardes.Contains(a.ApprenantId)).ToList();
            if (retirees.Count > 0)
            {
                await AccesEntreprise.VerifierBilansAsync(mediator, etablissement, periode, [.. retirees.Select(a => a.ApprenantId)], cancellationToken);
            }
            var perdues = retirees.Count == 0
                ? null
                : await SaisiesPeriode.LireAsync(mediator, etablissement, periode.Id, retirees, retrait: true, cancellationToken);
            if (perdues is { Total: > 0 } && command.Confirmation != perdues.Total)
            {
                throw new ConflitException($"Seront supprimés avec les apprenants retirés de la période : {perdues.Phrase()}. Confirmez la modification (confirmation={perdues.Total}).");
            }
            await ContenuPeriode.VerifierChevauchementAsync(session, periode.Id, command.Debut!.Value, command.Fin!.Value, apprenants, cancellationToken);

            periode.Titre = command.Titre!.Trim();
            periode.Debut = command.Debut.Value;
            periode.Fin = command.Fin.Value;
            periode.Objectifs = DeclarerPeriodeEntreprise.Texte(command.Objectifs);
            periode.Taches = taches;
            periode.Referents = referents;
            session.StoreRevision(periode, command.Version);
            // The revision the commit gives it, for the answer.
            periode.Version = command.Version + 1;
            foreach (var retiree in retirees)
            {
                session.Delete(retiree);
            }
            if (retirees.Count > 0)
            {
                await mediator.Send(new SupprimerPortfoliosPeriode(etablissement, periode.Id, [.. retirees.Select(a => a.ApprenantId)]), cancellationToken);
            }
            List<AffectationEntreprise> ajoutees = [.. apprenants.Where(a => !affectes.Contains(a.UtilisateurId))
                .Select(a => new AffectationEntreprise { PeriodeId = periode.Id, ApprenantId = a.UtilisateurId })];
            session.Insert<AffectationEntreprise>(ajoutees);
            return await PeriodeEntrepriseDto.LireAsync(mediator, user, etablissement, periode, [.. actuelles.Except(retirees), .. ajoutees], cancellationToken);
        }

        private static ConflitException Modifiee(PeriodeEntreprise periode) =>
            new($"La période « {periode.Titre} » a été modifiée depuis que vous l'avez ouverte : rechargez-la avant d'enregistrer.");
    }

    internal sealed record Corps(
        int Version, string? Titre, DateOnly? Debut, DateOnly? Fin, string? Objectifs, IReadOnlyList<string>? Taches, IReadOnlyList<Guid>? Apprenants,
        IReadOnlyList<Guid>? Referents);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/entreprise/{id:guid}", async (Guid id, Corps corps, int? confirmation, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(id, corps.Version, corps.Titre, corps.Debut, corps.Fin, corps.Objectifs, corps.Taches,
                        corps.Apprenants, corps.Referents, confirmation), ct)))
                .WithSummary("Modifier une période en entreprise (DDFTP ; version : celle lue, sinon 409 ; ?confirmation=N si des apprenants retirés perdent N saisies, fiches renseignées et portfolios compris)");
    }
}
