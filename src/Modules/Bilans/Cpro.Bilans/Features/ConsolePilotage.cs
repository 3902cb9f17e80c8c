using Carter;
using Cpro.Bilans.Domain;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Contracts;
using Cpro.Referentiels.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Bilans.Features;

/// <summary>The set-up steps of the school year, as CPRO's console lists them, each asked of the module that knows
/// (Contracts): subscriptions (Referentiels), imported learners (Etablissements), each subscribed level's official
/// periods and certification deadlines (Periodes). The LSL periods are not known to Cpro yet: said so, not faked.</summary>
internal static class ConsolePilotage
{
    internal sealed record Query : IQuery<ConsoleDto>;

    internal sealed record ConsoleDto(int AnneeScolaire, IReadOnlyList<Etape> Etapes);

    /// <param name="Etat">« faite », « aFaire », or « indisponible » (not in Cpro yet).</param>
    /// <param name="Manquants">The levels or specialties still to fill in.</param>
    internal sealed record Etape(string Titre, string Etat, string Detail, string? Lien, IReadOnlyList<string> Manquants)
    {
        public bool Faite => Etat == "faite";
    }

    internal sealed class Handler(ICurrentUser user, IMediator mediator, TimeProvider clock) : IQueryHandler<Query, ConsoleDto>
    {
        public async ValueTask<ConsoleDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var etablissement = AccesBilans.Direction(user);
            var annee = Heure.AnneeScolaire(Heure.Jour(clock.GetUtcNow()));
            var abonnements = await mediator.Send(new ListerAbonnements(etablissement), cancellationToken);
            var apprenants = (await mediator.Send(new ListerApprenantsDesDivisions(etablissement, []), cancellationToken)).Count;
            var niveaux = abonnements.SelectMany(a => a.Niveaux.Where(n => n.Divisions.Count > 0).Select(n => (a.Referentiel, a.Intitule, n.NiveauClasse))).ToList();
            var saisis = (await mediator.Send(new ListerPeriodesOfficiellesEtablissement(etablissement, annee), cancellationToken))
                .Select(p => (p.Referentiel, p.NiveauClasse, p.Type)).Distinct().ToList();
            var libelleAnnee = Heure.LibelleAnnee(annee);

            Etape ParNiveau(string titre, Func<string, bool> attendu, string quoi)
            {
                var manquants = niveaux.Where(n => !saisis.Any(s => s.Referentiel == n.Referentiel && s.NiveauClasse == n.NiveauClasse && attendu(s.Type)))
                    .Select(n => $"{n.Intitule} — {NiveauClasse.LibelleDe(n.NiveauClasse)}").ToList();
                var detail = niveaux.Count == 0 ? "Aucune classe abonnée : commencez par l'abonnement."
                    : manquants.Count == 0 ? $"{quoi} saisi(e)s pour les {niveaux.Count} niveau(x) abonné(s) en {libelleAnnee}."
                    : $"{manquants.Count} niveau(x) sur {niveaux.Count} sans {quoi.ToLowerInvariant()} en {libelleAnnee} :";
                return new Etape(titre, niveaux.Count > 0 && manquants.Count == 0 ? "faite" : "aFaire", detail, "/periodes/officielles", manquants);
            }

            return new ConsoleDto(annee,
            [
                new Etape("Abonnement", abonnements.Count > 0 ? "faite" : "aFaire",
                    abonnements.Count > 0 ? $"{abonnements.Count} diplôme(s) : {string.Join(", ", abonnements.Select(a => a.Intitule))}."
                        : "Choisissez les diplômes et leurs classes dans « Référentiels ».", "/referentiels/abonnements", []),
                new Etape("Importation des données", apprenants > 0 ? "faite" : "aFaire",
                    apprenants > 0 ? $"{apprenants} apprenant(s) importé(s)." : "L'administrateur de l'établissement importe les fichiers de SIECLE et de STS-web.", null, []),
                ParNiveau("Saisie des dates des périodes officielles", t => t is "trimestre" or "semestre", "Trimestres ou semestres"),
                new Etape("Saisie des périodes LSL", "indisponible",
                    $"Le livret scolaire (LSL) n'est pas encore géré par Cpro : ses périodes ne se saisissent pas ici. Spécialité(s) à configurer quand il le sera : {abonnements.Count}.",
                    null, [.. abonnements.Select(a => a.Intitule)]),
                ParNiveau("Saisie des dates limites de certification", t => t == "echeanceCertification", "Dates limites"),
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
