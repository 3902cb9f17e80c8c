using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Periodes.Domain;
using Cpro.Referentiels.Contracts;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Periodes.Features;

/// <summary>« Déclarer une PFMP » (pupils) or « Déclarer une période employeur » (apprentices), by the DDFTP, from an
/// annex: one period for every class of the annex's level, its title, objectives and tasks copied from the annex.</summary>
internal static class DeclarerPeriodeEntreprise
{
    internal sealed record Command(
        Guid AnnexeId, string? Type, string? Titre, DateOnly? Debut, DateOnly? Fin, string? Objectifs, IReadOnlyList<string>? Taches,
        IReadOnlyList<Guid>? Apprenants, IReadOnlyList<Guid>? Referents) : ICommand<PeriodeEntrepriseDto>, IContenuPeriode;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AnnexeId).NotEmpty().WithMessage("Choisissez l'annexe pédagogique.");
            RuleFor(c => c.Type).Must(t => AccesEntreprise.Type(t) is not null).WithMessage("Choisissez le type de période : PFMP ou période employeur.");
            ContenuPeriode.Regles(this);
        }
    }

    /// <summary>An annex the DDFTP may declare from.</summary>
    internal sealed record AnnexeDto(Guid Id, string Referentiel, string NiveauClasse, string Titre, bool PourApprentis, string? Objectifs,
        IReadOnlyList<string> Taches);

    /// <summary>The annexes of the establishment (the annex picker).</summary>
    internal sealed record AnnexesQuery : IQuery<IReadOnlyList<AnnexeDto>>;

    /// <summary>What the declaration form starts from: the annex, the candidate learners, the teachers, the référentiel's tasks.</summary>
    internal sealed record PreparationQuery(Guid AnnexeId) : IQuery<Preparation>;

    internal sealed record Preparation(AnnexeDto Annexe, string Intitule, IReadOnlyList<ApprenantEtablissement> Apprenants, IReadOnlyList<EnseignantEtablissement> Enseignants,
        IReadOnlyList<ActiviteDto> Activites);

    /// <summary>The learners a period from this annex may hold.</summary>
    internal sealed record ApprenantsQuery(Guid AnnexeId) : IQuery<IReadOnlyList<ApprenantEtablissement>>;

    private static AnnexeDto Dto(AnnexePedagogique a) => new(a.Id, a.Referentiel, a.NiveauClasse, a.Titre, a.PourApprentis, a.Objectifs, a.Taches);

    private static async Task<AnnexePedagogique> AnnexeAsync(IQuerySession session, Guid id, CancellationToken cancellationToken) =>
        await session.LoadAsync<AnnexePedagogique>(id, cancellationToken) ?? throw new IntrouvableException("Annexe pédagogique introuvable.");

    private static TypePeriodeEntreprise TypeDe(AnnexePedagogique a) => a.PourApprentis ? TypePeriodeEntreprise.PeriodeEmployeur : TypePeriodeEntreprise.Pfmp;

    internal sealed class AnnexesHandler(IQuerySession session, ICurrentUser user) : IQueryHandler<AnnexesQuery, IReadOnlyList<AnnexeDto>>
    {
        public async ValueTask<IReadOnlyList<AnnexeDto>> Handle(AnnexesQuery query, CancellationToken cancellationToken)
        {
            AccesEntreprise.Declarant(user);
            var annexes = await session.Query<AnnexePedagogique>().OrderBy(a => a.Referentiel).ThenBy(a => a.NiveauClasse).ThenBy(a => a.Titre).ToListAsync(cancellationToken);
            return [.. annexes.Select(Dto)];
        }
    }

    internal sealed class PreparationHandler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<PreparationQuery, Preparation>
    {
        public async ValueTask<Preparation> Handle(PreparationQuery query, CancellationToken cancellationToken)
        {
            AccesEntreprise.Declarant(user);
            var etablissement = AccesPeriodes.Etablissement(user);
            var annexe = await AnnexeAsync(session, query.AnnexeId, cancellationToken);
            var apprenants = await AccesEntreprise.CandidatsAsync(mediator, etablissement, annexe.Referentiel, annexe.NiveauClasse, TypeDe(annexe), cancellationToken);
            var referentiel = await mediator.Send(new ObtenirReferentiel(annexe.Referentiel), cancellationToken)
                              ?? throw new IntrouvableException($"Référentiel {annexe.Referentiel} introuvable.");
            return new Preparation(Dto(annexe), referentiel.Intitule, apprenants, await mediator.Send(new ListerEnseignants(etablissement), cancellationToken),
                [.. referentiel.Blocs.SelectMany(b => b.Activites), .. referentiel.ActivitesTransversales]);
        }
    }

    internal sealed class ApprenantsHandler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<ApprenantsQuery, IReadOnlyList<ApprenantEtablissement>>
    {
        public async ValueTask<IReadOnlyList<ApprenantEtablissement>> Handle(ApprenantsQuery query, CancellationToken cancellationToken)
        {
            AccesEntreprise.Declarant(user);
            var annexe = await AnnexeAsync(session, query.AnnexeId, cancellationToken);
            return await AccesEntreprise.CandidatsAsync(mediator, AccesPeriodes.Etablissement(user), annexe.Referentiel, annexe.NiveauClasse, TypeDe(annexe), cancellationToken);
        }
    }

    internal sealed class Handler(IDocumentSession session, UnitOfWork unitOfWork, ICurrentUser user, IMediator mediator, TimeProvider clock)
        : ICommandHandler<Command, PeriodeEntrepriseDto>
    {
        public async ValueTask<PeriodeEntrepriseDto> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesEntreprise.Declarant(user);
            var etablissement = AccesPeriodes.Etablissement(user);
            var annexe = await AnnexeAsync(session, command.AnnexeId, cancellationToken);
            var type = AccesEntreprise.Type(command.Type)!.Value;
            if (type != TypeDe(annexe))
            {
                throw new NonTraitableException(annexe.PourApprentis
                    ? $"L'annexe « {annexe.Titre} » est destinée aux apprentis : déclarez une période employeur."
                    : $"L'annexe « {annexe.Titre} » est destinée aux élèves : déclarez une PFMP.");
            }
            var apprenants = await ContenuPeriode.ApprenantsAsync(mediator, etablissement, annexe.Referentiel, annexe.NiveauClasse, type, command.Apprenants, [], cancellationToken);
            var referents = await ContenuPeriode.ReferentsAsync(mediator, etablissement, command.Referents ?? [], cancellationToken);
            var taches = await ContenuPeriode.TachesAsync(mediator, annexe.Referentiel, command.Taches ?? annexe.Taches, cancellationToken);
            await AccesEntreprise.VerrouillerAsync(unitOfWork, etablissement, cancellationToken);
            await ContenuPeriode.VerifierChevauchementAsync(session, null, command.Debut!.Value, command.Fin!.Value, apprenants, cancellationToken);
            var periode = new PeriodeEntreprise
            {
                AnnexeId = annexe.Id,
                Type = type,
                Referentiel = annexe.Referentiel,
                NiveauClasse = annexe.NiveauClasse,
                Titre = string.IsNullOrWhiteSpace(command.Titre) ? annexe.Titre : command.Titre.Trim(),
                Debut = command.Debut.Value,
                Fin = command.Fin.Value,
                Objectifs = command.Objectifs is null ? annexe.Objectifs : Texte(command.Objectifs),
                Activites = [.. annexe.Activites],
                Taches = taches,
                Referents = referents,
                CreeLe = clock.GetUtcNow(),
                CreePar = user.NomComplet ?? "",
                // What Marten gives a new document when the command saves it.
                Version = 1,
            };
            List<AffectationEntreprise> affectations = [.. apprenants.Select(a => new AffectationEntreprise { PeriodeId = periode.Id, ApprenantId = a.UtilisateurId })];
            session.Insert(periode);
            session.Insert<AffectationEntreprise>(affectations);
            return await PeriodeEntrepriseDto.LireAsync(mediator, user, etablissement, periode, affectations, cancellationToken);
        }
    }

    /// <summary>Blank text is no text.</summary>
    public static string? Texte(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapGet("/entreprise/apprenants", async (Guid annexeId, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new ApprenantsQuery(annexeId), ct)))
                .WithSummary("Les apprenants qu'une période déclarée depuis cette annexe peut accueillir (élèves pour une PFMP, apprentis pour une période employeur)");
            app.MapPost("/entreprise", async (Command command, IMediator mediator, CancellationToken ct) =>
                {
                    var periode = await mediator.Send(command, ct);
                    return TypedResults.Created($"/api/periodes/entreprise/{periode.Id}", periode);
                })
                .WithSummary("Déclarer une PFMP ou une période employeur depuis une annexe (apprenants : tous ceux du niveau si absent)");
        }
    }
}
