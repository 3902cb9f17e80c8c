using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Scenarios.Domain;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Scenarios.Features;

/// <summary>The establishment's rule for a learner's level on a competence: most recent (default), best, rounded mean
/// or most frequent positioning. The DDFTP, the head or the administrator chooses it.</summary>
internal static class ParametrerSuivi
{
    internal sealed record Query : IQuery<RegleDto>;

    internal sealed record Command(string Regle) : ICommand<RegleDto>;

    internal sealed record RegleDto(string Regle, string Libelle);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Regle).Must(r => Synthese.Lire(r) is not null)
            .WithMessage("Choisissez la règle : le dernier positionnement, le meilleur, la moyenne arrondie ou le niveau le plus souvent donné.");
    }

    internal sealed class QueryHandler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, RegleDto>
    {
        public async ValueTask<RegleDto> Handle(Query query, CancellationToken cancellationToken)
        {
            AccesScenarios.Etablissement(user);
            var regle = ParametresSuivi.RegleDe(await session.LoadAsync<ParametresSuivi>(ParametresSuivi.Cle, cancellationToken));
            return new RegleDto(regle.Code(), regle.Libelle());
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user) : ICommandHandler<Command, RegleDto>
    {
        public ValueTask<RegleDto> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesScenarios.Etablissement(user);
            if (!user.HasAnyProfil([Profils.Ddftp, Profils.ChefEtablissement, Profils.Administrateur]))
            {
                throw new InterditException("La règle de synthèse est choisie par le DDFTP, le chef d'établissement ou l'administrateur.");
            }
            var regle = Synthese.Lire(command.Regle)!.Value;
            session.Store(new ParametresSuivi { Regle = regle });
            return ValueTask.FromResult(new RegleDto(regle.Code(), regle.Libelle()));
        }
    }

    internal sealed record Corps(string Regle);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapGet("/suivi/regle", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
                .WithSummary("La règle de synthèse de l'établissement");
            app.MapPut("/suivi/regle", async (Corps corps, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(corps.Regle ?? ""), ct)))
                .WithSummary("Choisir la règle de synthèse (plusRecent, meilleur, moyenneArrondie, plusFrequent)");
        }
    }
}
