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

/// <summary>The year's official periods of the establishment, read by any of its users (filters: diploma, level).</summary>
internal static class ListerPeriodesOfficielles
{
    internal sealed record Query(int Annee, string? Referentiel = null, string? NiveauClasse = null) : IQuery<IReadOnlyList<PeriodeOfficielleDto>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Annee).Valide();
    }

    internal sealed class Handler(IQuerySession session, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<PeriodeOfficielleDto>>
    {
        public async ValueTask<IReadOnlyList<PeriodeOfficielleDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            AccesPeriodes.Etablissement(user);
            var periodes = session.Query<PeriodeOfficielle>().Where(p => p.AnneeScolaire == query.Annee);
            if (!string.IsNullOrEmpty(query.Referentiel))
            {
                periodes = periodes.Where(p => p.Referentiel == query.Referentiel);
            }
            if (!string.IsNullOrEmpty(query.NiveauClasse))
            {
                periodes = periodes.Where(p => p.NiveauClasse == query.NiveauClasse);
            }
            var lues = await periodes.ToListAsync(cancellationToken);
            return [.. PeriodeOfficielleDto.Ordonner(lues).Select(PeriodeOfficielleDto.De)];
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/officielles", async (int? annee, string? referentiel, string? niveau, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(annee ?? AnneeScolaire.Courante(clock), referentiel, niveau), ct)))
                .WithSummary("Lister les périodes officielles de l'année (filtres : annee, referentiel, niveau)");
    }
}

/// <summary>An official period as read; its type as the API names it (trimestre, semestre, pfmp, echeanceCertification).</summary>
internal sealed record PeriodeOfficielleDto(
    Guid Id, string Referentiel, string NiveauClasse, int AnneeScolaire, string Type, string Libelle, DateOnly Debut, DateOnly Fin,
    DateTimeOffset ModifieLe, string ModifiePar)
{
    public static PeriodeOfficielleDto De(PeriodeOfficielle p) =>
        new(p.Id, p.Referentiel, p.NiveauClasse, p.AnneeScolaire, CalendrierOfficiel.Code(p.Type), p.Libelle, p.Debut, p.Fin, p.ModifieLe, p.ModifiePar);

    public static IEnumerable<PeriodeOfficielle> Ordonner(IEnumerable<PeriodeOfficielle> periodes) =>
        periodes.OrderBy(p => p.Referentiel, StringComparer.Ordinal).ThenBy(p => p.NiveauClasse, StringComparer.Ordinal)
            .ThenBy(p => p.Debut).ThenBy(p => p.Type).ThenBy(p => p.Libelle, StringComparer.Ordinal);
}
