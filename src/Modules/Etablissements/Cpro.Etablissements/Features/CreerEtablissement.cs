using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Etablissements.Features;

/// <summary>The platform administrator opens an establishment on the platform. The email may wait: the establishment's
/// administrator then fills it in its parameters before creating accounts.</summary>
internal static class CreerEtablissement
{
    internal sealed record Command(string Uai, string Nom, string? Email) : ICommand<EtablissementDto>;

    internal sealed record EtablissementDto(string Uai, string Nom, string Email, DateTimeOffset CreeLe)
    {
        public static EtablissementDto From(Etablissement e) => new(e.Uai, e.Nom, e.Email, e.CreeLe);
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Uai).NotEmpty().WithMessage("L'UAI est obligatoire.")
                .Must(Uai.IsValid).When(c => !string.IsNullOrWhiteSpace(c.Uai), ApplyConditionTo.CurrentValidator)
                .WithMessage("L'UAI doit comporter 7 chiffres suivis de sa lettre de contrôle (ex. 0752387M).");
            RuleFor(c => c.Nom).NotEmpty().WithMessage("Le nom de l'établissement est obligatoire.")
                .MaximumLength(200).WithMessage("Le nom ne doit pas dépasser 200 caractères.");
            RuleFor(c => c.Email).EmailAddress().WithMessage("L'adresse électronique n'est pas valide.")
                .MaximumLength(254).WithMessage("L'adresse électronique ne doit pas dépasser 254 caractères.")
                .When(c => !string.IsNullOrWhiteSpace(c.Email));
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, EtablissementDto>
    {
        public async ValueTask<EtablissementDto> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!user.IsPlatformAdmin)
            {
                throw new InterditException("Seul l'administrateur de la plateforme crée des établissements.");
            }
            var uai = Uai.Normalize(command.Uai);
            if (await session.Query<Etablissement>().AnyAsync(e => e.Uai == uai, cancellationToken))
            {
                throw new ConflitException($"Un établissement d'UAI {uai} existe déjà.");
            }
            var etablissement = new Etablissement
            {
                Uai = uai,
                Nom = command.Nom.Trim(),
                Email = command.Email?.Trim() ?? "",
                CreeLe = clock.GetUtcNow(),
            };
            session.Insert(etablissement);
            return EtablissementDto.From(etablissement);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/", async (Command command, IMediator mediator, CancellationToken ct) =>
                {
                    var created = await mediator.Send(command, ct);
                    return TypedResults.Created($"/api/etablissements/{created.Uai}", created);
                })
                .RequireAuthorization(p => p.RequireRole(Profils.AdministrateurPlateforme))
                .WithSummary("Créer un établissement (administrateur de la plateforme)");
    }
}
