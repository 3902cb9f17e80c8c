using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Referentiels.Contracts;
using Cpro.Referentiels.Domain;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Referentiels.Features;

/// <summary>Subscribes the current establishment to a diploma, or replaces its subscription: for each class level of the
/// diploma, the divisions that follow it. A division follows one (diploma, level) only.</summary>
internal static class Abonner
{
    internal sealed record NiveauDemande(string? NiveauClasse, IReadOnlyList<string?>? Divisions);

    internal sealed record Command(string Code, IReadOnlyList<NiveauDemande>? Niveaux) : ICommand<AbonnementDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Niveaux).NotNull().WithMessage("Indiquez les niveaux de classe suivis (une liste, éventuellement vide).");
            RuleForEach(c => c.Niveaux).NotNull().WithMessage("Un niveau de classe est vide.").ChildRules(niveau =>
            {
                niveau.RuleFor(n => n.NiveauClasse).NotEmpty().WithMessage("Le niveau de classe est obligatoire.");
                niveau.RuleFor(n => n.Divisions).NotNull().WithMessage("Indiquez les divisions de ce niveau (une liste, éventuellement vide).");
                niveau.RuleForEach(n => n.Divisions).NotEmpty().WithMessage("Un code de division est vide.");
            });
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock)
        : ICommandHandler<Command, AbonnementDto>
    {
        public async ValueTask<AbonnementDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var etablissement = AccesReferentiels.EtablissementGestionnaire(user);
            var code = AccesReferentiels.Normaliser(command.Code);
            var referentiel = await session.Query<Referentiel>().Where(r => r.Code == code)
                                  .Select(r => new { r.Intitule, r.NiveauxDeClasse }).SingleOrDefaultAsync(cancellationToken)
                              ?? throw new IntrouvableException($"Référentiel {code} introuvable.");
            // Levels without divisions say nothing: dropped.
            var niveaux = command.Niveaux!
                .Select(n => new NiveauAbonne(n.NiveauClasse!.Trim(), [.. n.Divisions!.Select(d => d!.Trim()).Distinct(StringComparer.Ordinal)]))
                .Where(n => n.Divisions.Count > 0)
                .ToList();
            var existantes = (await mediator.Send(new ListerDivisions(etablissement), cancellationToken)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
            var autres = await session.Query<Abonnement>().Where(a => a.ReferentielCode != code).ToListAsync(cancellationToken);
            var erreurs = new List<string>();
            foreach (var doublon in niveaux.GroupBy(n => n.NiveauClasse).Where(g => g.Count() > 1))
            {
                erreurs.Add($"Le niveau {NiveauClasse.LibelleDe(doublon.Key)} figure plusieurs fois.");
            }
            foreach (var niveau in niveaux.Where(n => !referentiel.NiveauxDeClasse.Contains(n.NiveauClasse)))
            {
                erreurs.Add($"Le niveau {NiveauClasse.LibelleDe(niveau.NiveauClasse)} n'est pas un niveau de classe de « {referentiel.Intitule} » ({string.Join(", ", referentiel.NiveauxDeClasse.Select(NiveauClasse.LibelleDe))}).");
            }
            foreach (var division in niveaux.SelectMany(n => n.Divisions).Distinct().Where(d => !existantes.Contains(d)))
            {
                erreurs.Add($"La division {division} n'existe pas dans l'établissement.");
            }
            foreach (var division in niveaux.SelectMany(n => n.Divisions).GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                erreurs.Add($"La division {division} ne peut suivre qu'un niveau : elle figure en {string.Join(" et en ", niveaux.Where(n => n.Divisions.Contains(division)).Select(n => NiveauClasse.LibelleDe(n.NiveauClasse)))}.");
            }
            var prises = autres.SelectMany(a => a.Niveaux.SelectMany(n => n.Divisions
                .Where(d => niveaux.Any(x => x.Divisions.Contains(d))).Select(d => (a.ReferentielCode, n.NiveauClasse, Division: d)))).ToList();
            if (prises.Count > 0)
            {
                // The other diplomas by their names, as users know them.
                var codes = prises.Select(p => p.ReferentielCode).Distinct().ToList();
                var intitules = (await session.Query<Referentiel>().Where(r => r.Code.IsOneOf(codes))
                    .Select(r => new { r.Code, r.Intitule }).ToListAsync(cancellationToken)).ToDictionary(r => r.Code, r => r.Intitule);
                erreurs.AddRange(prises.Select(p =>
                    $"La division {p.Division} suit déjà « {intitules.GetValueOrDefault(p.ReferentielCode, p.ReferentielCode)} » en {NiveauClasse.LibelleDe(p.NiveauClasse)}."));
            }
            if (erreurs.Count > 0)
            {
                throw new NonTraitableException(string.Join(" ", erreurs));
            }
            // The session is the establishment's: a subscription is stored under its diploma's code, created or replaced.
            session.Store(new Abonnement { ReferentielCode = code, Niveaux = niveaux, ModifieLe = clock.GetUtcNow(), ModifiePar = user.Login });
            return new AbonnementDto(code, referentiel.Intitule, [.. niveaux.Select(n => new NiveauAbonneDto(n.NiveauClasse, n.Divisions))]);
        }
    }

    internal sealed record Corps(IReadOnlyList<NiveauDemande>? Niveaux);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/abonnements/{code}", async (string code, Corps corps, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(code, corps.Niveaux), ct)))
                .WithSummary("Abonner l'établissement à un diplôme, ou remplacer son abonnement (divisions de chaque niveau de classe)");
    }
}
