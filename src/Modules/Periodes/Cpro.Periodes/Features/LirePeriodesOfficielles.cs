using System.Security.Cryptography;
using Carter;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Domain;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Periodes.Features;

/// <summary>One level's official periods for the year with their version, read before editing them: the save sends the
/// version back, so that it cannot overwrite a set changed meanwhile.</summary>
internal static class LirePeriodesOfficielles
{
    internal sealed record Query(string Referentiel, string NiveauClasse, int Annee) : IQuery<PeriodesOfficiellesNiveauDto>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Annee).Valide();
    }

    internal sealed class Handler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, PeriodesOfficiellesNiveauDto>
    {
        public async ValueTask<PeriodesOfficiellesNiveauDto> Handle(Query query, CancellationToken cancellationToken)
        {
            AccesPeriodes.Etablissement(user);
            var periodes = await DuNiveau(session.Query<PeriodeOfficielle>(), query.Referentiel, query.NiveauClasse, query.Annee)
                .ToListAsync(cancellationToken);
            return PeriodesOfficiellesNiveauDto.De(periodes);
        }
    }

    public static IQueryable<PeriodeOfficielle> DuNiveau(IQueryable<PeriodeOfficielle> periodes, string referentiel, string niveau, int annee) =>
        periodes.Where(p => p.AnneeScolaire == annee && p.Referentiel == referentiel && p.NiveauClasse == niveau);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/officielles/{referentiel}/{niveau}", async (string referentiel, string niveau, int? annee, IMediator mediator, TimeProvider clock,
                    CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(referentiel, niveau, annee ?? AnneeScolaire.Courante(clock)), ct)))
                .WithSummary("Lire les périodes officielles d'un niveau pour l'année, avec leur version (à renvoyer en les enregistrant)");
    }
}

/// <summary>A level's set of official periods, in date order, and its version.</summary>
internal sealed record PeriodesOfficiellesNiveauDto(string Version, IReadOnlyList<PeriodeOfficielleDto> Periodes)
{
    public static PeriodesOfficiellesNiveauDto De(IReadOnlyCollection<PeriodeOfficielle> periodes) =>
        new(VersionDe(periodes), [.. PeriodeOfficielleDto.Ordonner(periodes).Select(PeriodeOfficielleDto.De)]);

    /// <summary>A short hash of the periods' ids: a save writes every period anew, so each save gives a new version (an
    /// empty set has one too).</summary>
    public static string VersionDe(IEnumerable<PeriodeOfficielle> periodes) =>
        Convert.ToHexStringLower(SHA256.HashData([.. periodes.Select(p => p.Id).Order().SelectMany(id => id.ToByteArray())]).AsSpan(0, 8));
}
