using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Domain;
using Cpro.Referentiels.Contracts;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Periodes.Features;

/// <summary>The DDFTP's set-up checklist for the current school year: subscriptions, imported learners, then each
/// subscribed level's official periods and certification deadlines.</summary>
internal static class ConsolePilotage
{
    internal sealed record Query : IQuery<ConsoleDto>;

    internal sealed record ConsoleDto(int AnneeScolaire, IReadOnlyList<Etape> Etapes);

    /// <summary>A step, done or not; <paramref name="Manquants"/> names the levels still to fill in.</summary>
    internal sealed record Etape(string Titre, bool Faite, string Detail, string? Lien, IReadOnlyList<string> Manquants);

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : IQueryHandler<Query, ConsoleDto>
    {
        public async ValueTask<ConsoleDto> Handle(Query query, CancellationToken cancellationToken)
        {
            AccesPeriodes.Ddftp(user);
            var etablissement = AccesPeriodes.Etablissement(user);
            var annee = AnneeScolaire.Courante(clock);
            var abonnements = await mediator.Send(new ListerAbonnements(etablissement), cancellationToken);
            var apprenants = (await mediator.Send(new ListerApprenantsDesDivisions(etablissement, []), cancellationToken)).Count;
            var niveaux = abonnements.SelectMany(a => a.Niveaux.Where(n => n.Divisions.Count > 0).Select(n => (a.Referentiel, a.Intitule, n.NiveauClasse))).ToList();
            var saisis = (await session.Query<PeriodeOfficielle>().Where(p => p.AnneeScolaire == annee).ToListAsync(cancellationToken))
                .Select(p => new { p.Referentiel, p.NiveauClasse, p.Type }).Distinct().ToList();

            Etape ParNiveau(string titre, Func<TypePeriodeOfficielle, bool> attendu, string quoi)
            {
                var manquants = niveaux.Where(n => !saisis.Any(s => s.Referentiel == n.Referentiel && s.NiveauClasse == n.NiveauClasse && attendu(s.Type)))
                    .Select(n => $"{n.Intitule} — {NiveauClasse.LibelleDe(n.NiveauClasse)}").ToList();
                var detail = niveaux.Count == 0 ? "Aucune classe abonnée : commencez par l'abonnement."
                    : manquants.Count == 0 ? $"{quoi} saisi(e)s pour les {niveaux.Count} niveau(x) abonné(s) en {AnneeScolaire.Libelle(annee)}."
                    : $"{manquants.Count} niveau(x) sur {niveaux.Count} sans {quoi.ToLowerInvariant()} en {AnneeScolaire.Libelle(annee)} :";
                return new Etape(titre, niveaux.Count > 0 && manquants.Count == 0, detail, "/periodes/officielles", manquants);
            }

            return new ConsoleDto(annee,
            [
                new Etape("Abonnement", abonnements.Count > 0,
                    abonnements.Count > 0 ? $"{abonnements.Count} diplôme(s) : {string.Join(", ", abonnements.Select(a => a.Intitule))}."
                        : "Choisissez les diplômes et leurs classes dans « Référentiels ».", "/referentiels/abonnements", []),
                new Etape("Importation des données", apprenants > 0,
                    apprenants > 0 ? $"{apprenants} apprenant(s) importé(s)." : "Importez les fichiers de SIECLE et de STS-web.", null, []),
                ParNiveau("Saisie des dates des périodes officielles", CalendrierOfficiel.Decoupage, "Trimestres ou semestres"),
                ParNiveau("Saisie des dates limites de certification", t => t == TypePeriodeOfficielle.EcheanceCertification, "Dates limites"),
            ]);
        }
    }

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/console", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
                .WithSummary("Console de pilotage : étapes de mise en place de l'année (DDFTP, chef d'établissement)");
    }
}
