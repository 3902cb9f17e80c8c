using Carter;
using Cpro.Book.Domain;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Book.Features;

/// <summary>The DDFTP or the head turns the book on for the establishment, for every division or some; off, learners and
/// teachers no longer see it (their pages stay, and come back when it is turned on again).</summary>
internal static class ActiverBook
{
    internal sealed record Command(bool Actif, IReadOnlyList<string>? Divisions) : ICommand<ActivationDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Divisions).Must(d => d is null || d.Count <= 200).WithMessage("200 divisions au plus.");
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, ActivationDto>
    {
        public async ValueTask<ActivationDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var etablissement = LireActivation.Verifier(user);
            var connues = (await mediator.Send(new ListerDivisions(etablissement), cancellationToken)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
            var divisions = (command.Divisions ?? []).Select(d => d.Trim()).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (divisions.Where(d => !connues.Contains(d)).ToList() is { Count: > 0 } inconnues)
            {
                throw new NonTraitableException($"Ces divisions ne sont pas celles de l'établissement : {string.Join(", ", inconnues)}.");
            }
            var activation = await AccesBook.ActivationAsync(session, cancellationToken) ?? new ActivationBook();
            activation.Actif = command.Actif;
            activation.Divisions = [.. divisions.Order(StringComparer.Ordinal)];
            activation.ModifieLe = clock.GetUtcNow();
            activation.ModifiePar = user.NomComplet ?? user.Login ?? "";
            session.Store(activation);
            return ActivationDto.De(activation);
        }
    }

    internal sealed record Corps(bool Actif, IReadOnlyList<string>? Divisions);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/activation", async (HttpRequest request, ICurrentUser user, IMediator mediator, CancellationToken ct) =>
                {
                    // Rights before the body is read.
                    LireActivation.Verifier(user);
                    var corps = await CorpsJson.LireAsync<Corps>(request, ct);
                    return TypedResults.Ok(await mediator.Send(new Command(corps.Actif, corps.Divisions), ct));
                })
                .Accepts<Corps>("application/json")
                .WithSummary("Activer ou désactiver le book pour l'établissement, éventuellement pour certaines divisions seulement (DDFTP, chef d'établissement)");
    }
}
