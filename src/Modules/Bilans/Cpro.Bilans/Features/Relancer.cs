using Carter;
using Cpro.Bilans.Domain;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Periodes.Contracts;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Cpro.Bilans.Features;

/// <summary>« Relancer »: the DDFTP (or the head) emails the teachers of a division the learners whose bilan of an official
/// period is not finalised, through Etablissements' outbox in the same unit of work; recorded and listed with its date. A
/// teacher reminded less than 24 hours before is not sent it again (said in the record); with none left, 409.</summary>
internal static class Relancer
{
    public static readonly TimeSpan Delai = TimeSpan.FromHours(24);

    internal sealed record Command(string? Division, Guid? Periode) : ICommand<RelanceDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Division).NotEmpty().WithMessage("Choisissez la division à relancer.");
            RuleFor(c => c.Periode).NotNull().WithMessage("Choisissez la période officielle.");
        }
    }

    internal sealed class Handler(IDocumentSession session, UnitOfWork unitOfWork, ICurrentUser user, IMediator mediator, IConfiguration configuration,
        TimeProvider clock) : ICommandHandler<Command, RelanceDto>
    {
        public async ValueTask<RelanceDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var etablissement = AccesBilans.Direction(user);
            var division = command.Division!;
            if (!(await mediator.Send(new ListerDivisions(etablissement), cancellationToken)).Any(d => d.Code == division))
            {
                throw new IntrouvableException($"Division {division} introuvable dans cet établissement.");
            }
            var periode = (await mediator.Send(new ListerPeriodesOfficiellesEtablissement(etablissement, null), cancellationToken))
                .FirstOrDefault(p => p.Id == command.Periode) ?? throw new IntrouvableException("Période officielle introuvable.");
            if (!(await Cursus.ParDivisionAsync(mediator, etablissement, cancellationToken))[division].Any(c => c.Suit(periode)))
            {
                throw new NonTraitableException($"« {periode.Libelle} » n'est pas une période de bilan de la division {division}.");
            }
            // Two reminders at once: the second waits and sees the first's recipients.
            await unitOfWork.VerrouillerAsync($"cpro.relances:{etablissement}", cancellationToken);
            var apprenants = await mediator.Send(new ListerApprenantsDesDivisions(etablissement, [division]), cancellationToken);
            var ids = apprenants.Select(a => a.UtilisateurId).ToList();
            var faits = (await session.Query<Bilan>().Where(b => b.PeriodeId == periode.Id && b.FinaliseLe != null && ids.Contains(b.ApprenantId))
                .Select(b => b.ApprenantId).ToListAsync(cancellationToken)).ToHashSet();
            var manquants = apprenants.Where(a => !faits.Contains(a.UtilisateurId)).Select(a => $"{a.Prenom} {a.Nom}").ToList();
            if (manquants.Count == 0)
            {
                throw new NonTraitableException($"Chaque apprenant de {division} a son bilan finalisé pour « {periode.Libelle} » : aucune relance à envoyer.");
            }
            var enseignants = await mediator.Send(new ListerEnseignantsDesDivisions(etablissement, [division]), cancellationToken);
            if (enseignants.Count == 0)
            {
                throw new NonTraitableException($"Aucun enseignant de la division {division} n'est connu (services STS-web) : personne à relancer.");
            }
            var maintenant = clock.GetUtcNow();
            var depuis = maintenant - Delai;
            var recentes = await session.Query<Relance>().Where(r => r.Le > depuis).ToListAsync(cancellationToken);
            var dernieres = recentes.SelectMany(r => r.Destinataires.Select(d => (d.UtilisateurId, r.Le))).GroupBy(x => x.UtilisateurId)
                .ToDictionary(g => g.Key, g => g.Max(x => x.Le));
            var aEnvoyer = enseignants.Where(e => !dernieres.ContainsKey(e.UtilisateurId) && e.Email is not null).ToList();
            var ecartes = enseignants.Where(e => dernieres.ContainsKey(e.UtilisateurId))
                .Select(e => $"{e.NomComplet} (déjà relancé(e) le {Heure.Locale(dernieres[e.UtilisateurId]):dd/MM/yyyy 'à' HH:mm})")
                .Concat(enseignants.Where(e => !dernieres.ContainsKey(e.UtilisateurId) && e.Email is null).Select(e => $"{e.NomComplet} (sans adresse électronique)"))
                .ToList();
            if (aEnvoyer.Count == 0)
            {
                throw new ConflitException($"Personne à relancer pour {division} : {string.Join(", ", ecartes)}. Une même personne n'est relancée qu'une fois par 24 heures.");
            }
            var site = Adresse(configuration);
            var corps = $"Bonjour,\n\nLes bilans intermédiaires de « {periode.Libelle} » ne sont pas encore finalisés pour {manquants.Count} apprenant(s) de la division {division} :\n"
                        + string.Join("\n", manquants.Select(m => $"- {m}"))
                        + $"\n\nIls se font depuis le tableau de bord de chaque apprenant, ou depuis {site}/bilans.\n\n{user.NomComplet}\n";
            foreach (var e in aEnvoyer)
            {
                await mediator.Send(new EcrireCourriel(etablissement, e.Email!, $"Cpro : bilans à finaliser en {division} — {periode.Libelle}", corps), cancellationToken);
            }
            var relance = new Relance
            {
                Division = division, PeriodeId = periode.Id, PeriodeLibelle = periode.Libelle, Le = maintenant, Par = user.NomComplet ?? user.Login ?? "",
                Destinataires = [.. aEnvoyer.Select(e => new DestinataireRelance { UtilisateurId = e.UtilisateurId, Nom = e.NomComplet })], Ecartes = ecartes,
                Apprenants = manquants,
            };
            session.Insert(relance);
            return RelanceDto.De(relance);
        }

        private static string Adresse(IConfiguration configuration) =>
            (configuration["CPRO_PUBLIC_URL"] is { Length: > 0 } publique
                ? publique
                : (configuration["CPRO_URLS"] ?? "http://127.0.0.1:5080").Split(';', StringSplitOptions.RemoveEmptyEntries)[0]).TrimEnd('/');
    }

    internal sealed record Corps(string? Division, Guid? Periode);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/relances", async (HttpRequest request, ICurrentUser user, IMediator mediator, CancellationToken ct) =>
                {
                    AccesBilans.Direction(user);
                    var corps = await CorpsJson.LireAsync<Corps>(request, ct);
                    return TypedResults.Ok(await mediator.Send(new Command(corps.Division, corps.Periode), ct));
                })
                .Accepts<Corps>("application/json")
                .WithSummary("Relancer les enseignants d'une division : la liste des apprenants dont le bilan de la période manque, par courriel (DDFTP, chef d'établissement ; une fois par 24 h et par personne)");
    }
}
