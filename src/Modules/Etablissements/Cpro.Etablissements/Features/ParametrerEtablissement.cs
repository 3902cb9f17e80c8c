using Carter;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Etablissements.Features;

/// <summary>The establishment's parameters: identity, address, and the settings other modules read (transfers,
/// inspectors). Its administrator and head edit them; the UAI never changes.</summary>
internal static class ParametrerEtablissement
{
    public static readonly IReadOnlyList<string> Editeurs = [Profils.Administrateur, Profils.ChefEtablissement];
    private const string Refus = "Seuls l'administrateur et le chef de cet établissement modifient ses paramètres.";

    internal sealed record ParametresDto(string Uai, string Nom, string Email, string? Adresse, bool TransfertsAutorises,
        bool AccesInspecteurAutorise, bool Logo, bool PeutCreerUtilisateurs, int Version)
    {
        public static ParametresDto From(Etablissement e, bool logo) =>
            new(e.Uai, e.Nom, e.Email, e.Adresse, e.TransfertsAutorises, e.AccesInspecteurAutorise, logo, e.PeutCreerUtilisateurs, e.Version);
    }

    internal sealed record Query(string Uai) : IQuery<ParametresDto>;

    internal sealed record Command(string Uai, string Nom, string Email, string? Adresse, bool TransfertsAutorises,
        bool AccesInspecteurAutorise, int Version) : ICommand<ParametresDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Nom).NotEmpty().WithMessage("Le nom de l'établissement est obligatoire.")
                .MaximumLength(200).WithMessage("Le nom ne doit pas dépasser 200 caractères.");
            RuleFor(c => c.Email).NotEmpty().WithMessage("L'adresse électronique est obligatoire.")
                .EmailAddress().WithMessage("L'adresse électronique n'est pas valide.")
                .MaximumLength(254).WithMessage("L'adresse électronique ne doit pas dépasser 254 caractères.");
            RuleFor(c => c.Adresse).MaximumLength(500).WithMessage("L'adresse postale ne doit pas dépasser 500 caractères.");
        }
    }

    internal sealed class QueryHandler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, ParametresDto>
    {
        public async ValueTask<ParametresDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = await AccesEtablissement.VerifierAsync(session, user, query.Uai, Editeurs, Refus, cancellationToken);
            return ParametresDto.From(etablissement, await ALogoAsync(session, etablissement, cancellationToken));
        }
    }

    private static Task<bool> ALogoAsync(IQuerySession session, Etablissement etablissement, CancellationToken cancellationToken) =>
        session.PourEtablissement(etablissement.Id).Query<Logo>().AnyAsync(cancellationToken);

    internal sealed class Handler(IDocumentSession session, ICurrentUser user) : ICommandHandler<Command, ParametresDto>
    {
        public async ValueTask<ParametresDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var etablissement = await AccesEtablissement.VerifierAsync(session, user, command.Uai, Editeurs, Refus, cancellationToken);
            if (etablissement.Version != command.Version)
            {
                throw new ConflitException("Les paramètres ont été modifiés par quelqu'un d'autre depuis que vous les avez ouverts : rechargez-les avant d'enregistrer.");
            }
            etablissement.Nom = command.Nom.Trim();
            etablissement.Email = command.Email.Trim();
            etablissement.Adresse = string.IsNullOrWhiteSpace(command.Adresse) ? null : command.Adresse.Trim();
            etablissement.TransfertsAutorises = command.TransfertsAutorises;
            etablissement.AccesInspecteurAutorise = command.AccesInspecteurAutorise;
            // A save by someone else between this check and the commit is refused too (409).
            session.StoreRevision(etablissement, command.Version);
            return ParametresDto.From(etablissement, await ALogoAsync(session, etablissement, cancellationToken));
        }
    }

    internal sealed record Corps(string Nom, string Email, string? Adresse, bool TransfertsAutorises, bool AccesInspecteurAutorise, int Version);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapGet("/{uai}/parametres", async (string uai, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(uai), ct)))
                .WithSummary("Lire les paramètres de l'établissement");
            app.MapPut("/{uai}/parametres", async (string uai, Corps corps, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(uai, corps.Nom, corps.Email, corps.Adresse, corps.TransfertsAutorises,
                        corps.AccesInspecteurAutorise, corps.Version), ct)))
                .WithSummary("Modifier les paramètres de l'établissement (version : celle lue, sinon 409)");
        }
    }
}
