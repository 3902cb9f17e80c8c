using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Referentiels.Contracts;
using Cpro.Scenarios.Domain;
using FluentValidation;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Scenarios.Features;

/// <summary>Shares a copy of a scenario with another establishment subscribed to the same diploma: the only thing that
/// crosses establishments. The copy is read-only there (« Partagé par … »); its teachers duplicate it to adapt it.</summary>
internal static class PartagerScenario
{
    internal sealed record Command(Guid Id, string Uai) : ICommand<Resultat>;

    internal sealed record Resultat(string Uai, string Etablissement);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Uai).NotEmpty().WithMessage("Indiquez l'UAI de l'établissement destinataire.");
    }

    internal sealed class Handler(IDocumentSession session, EspaceFichiers espace, ICurrentUser user, IMediator mediator,
        TimeProvider clock) : ICommandHandler<Command, Resultat>
    {
        public async ValueTask<Resultat> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesScenarios.Enseignant(user);
            var etablissement = AccesScenarios.Etablissement(user);
            var source = await Scenario.TrouverAsync(session, command.Id, cancellationToken);
            var cible = await mediator.Send(new TrouverEtablissement(command.Uai), cancellationToken)
                        ?? throw new IntrouvableException($"Aucun établissement d'UAI {command.Uai.Trim().ToUpperInvariant()} sur la plateforme.");
            if (cible.Id == etablissement)
            {
                throw new NonTraitableException("Pour votre établissement, dupliquez le scénario.");
            }
            var abonnements = await mediator.Send(new ListerAbonnements(cible.Id), cancellationToken);
            if (abonnements.All(a => a.Referentiel != source.Referentiel))
            {
                var diplome = (await mediator.Send(new ObtenirReferentiel(source.Referentiel), cancellationToken))?.Intitule ?? source.Referentiel;
                throw new NonTraitableException($"{cible.Nom} n'est pas abonné au diplôme « {diplome} » : le scénario ne peut pas lui être partagé.");
            }
            var origine = await mediator.Send(new ObtenirParametresEtablissement(etablissement), cancellationToken);
            // The one write into another establishment, named as such; its quota and lock are the receiver's.
            await Copie.CopierAsync(session, espace, session.PourEtablissement(cible.Id), cible.Id, source, null, $"{source.AuteurNom} ({origine.Nom})",
                source.Titre, $"Partagé par {origine.Nom} ({origine.Uai})", clock.GetUtcNow(), cancellationToken);
            return new Resultat(cible.Uai, cible.Nom);
        }
    }

    internal sealed record Corps(string Uai);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/{id:guid}/partages", async (Guid id, Corps corps, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(id, corps.Uai ?? ""), ct)))
                .WithSummary("Partager une copie du scénario avec un autre établissement abonné au même diplôme");
    }
}
