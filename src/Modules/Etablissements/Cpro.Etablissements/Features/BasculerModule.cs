using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;
using static Cpro.Etablissements.Features.ListerModules;

namespace Cpro.Etablissements.Features;

/// <summary>Switches a module on or off for one establishment, at once, recording who and when.</summary>
internal static class BasculerModule
{
    internal sealed record Command(string Uai, string Module, bool? Actif) : ICommand<ModuleEtablissementDto>;

    internal sealed record Body(bool? Actif);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(ModuleCatalogue catalogue)
        {
            RuleFor(c => c.Actif).NotNull().WithMessage("Indiquez « actif » : true pour activer le module, false pour le désactiver.");
            RuleFor(c => c.Module)
                .Must(m => catalogue.Find(m) is not { Desactivable: false })
                .When(c => c.Actif == false)
                .WithMessage(c => $"Le module {catalogue.Find(c.Module)?.DisplayName} ne peut pas être désactivé.");
        }
    }

    internal sealed class Handler(IDocumentSession session, UnitOfWork unitOfWork, IMemoryCache cache, ICurrentUser user, ModuleCatalogue catalogue,
        TimeProvider clock)
        : ICommandHandler<Command, ModuleEtablissementDto>
    {
        public async ValueTask<ModuleEtablissementDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var etablissement = await AccesEtablissement.AdministrableAsync(session, user, command.Uai, cancellationToken);
            var module = catalogue.Find(command.Module) ?? throw new IntrouvableException($"Module inconnu : {command.Module}.");
            // The platform administrator belongs to no establishment: the one switched is named.
            var activation = new ModuleActivation
            {
                Id = module.Name, Actif = command.Actif!.Value, ModifiePar = user.Login ?? "", ModifieLe = clock.GetUtcNow(),
            };
            session.PourEtablissement(etablissement.Id).Store(activation);
            unitOfWork.OnCommitted(() => ModuleSwitches.Oublier(cache, etablissement.Id));
            return new ModuleEtablissementDto(module.Name, module.DisplayName, module.Statut.Libelle(), module.Desactivable,
                activation.Actif, activation.ModifiePar, activation.ModifieLe);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/{uai}/modules/{module}", async (string uai, string module, Body body, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(uai, module, body.Actif), ct)))
                .WithSummary("Activer ou désactiver un module pour un établissement");
    }
}
