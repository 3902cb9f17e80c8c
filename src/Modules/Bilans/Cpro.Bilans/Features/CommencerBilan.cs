using Carter;
using Cpro.Bilans.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Http;
using Cpro.Kernel.Identity;
using Cpro.Periodes.Contracts;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Bilans.Features;

/// <summary>A teacher of the learner's division starts a bilan: intermédiaire on a trimester or semester begun of a
/// référentiel the division follows, or de fin de cycle (« cycle ») in its final year. Each competence is prefilled with
/// the level the establishment's rule gives from the evidence so far (Scenarios). One per learner, period and référentiel.</summary>
internal static class CommencerBilan
{
    public const string Cycle = "cycle";

    internal sealed record Command(Guid ApprenantId, string? Periode, string? Referentiel) : ICommand<BilanDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Referentiel).NotEmpty().WithMessage("Choisissez le référentiel du bilan.");
            RuleFor(c => c.Periode).NotEmpty().WithMessage("Choisissez la période du bilan (une période officielle, ou « cycle » pour le bilan de fin de cycle).")
                .Must(p => p is null || p.Length == 0 || p == Cycle || Guid.TryParse(p, out _))
                .WithMessage("La période est l'identifiant d'une période officielle, ou « cycle » pour le bilan de fin de cycle.");
        }
    }

    internal sealed class Handler(IDocumentSession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : ICommandHandler<Command, BilanDto>
    {
        public async ValueTask<BilanDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var acces = await AccesBilans.VerifierAsync(mediator, user, command.ApprenantId, cancellationToken);
            acces.Enseignant();
            var apprenant = acces.Apprenant;
            if (!apprenant.Actif)
            {
                throw new NonTraitableException($"{apprenant.Prenom} {apprenant.Nom} a quitté l'établissement : plus de nouveau bilan.");
            }
            var cursus = (await Cursus.ParDivisionAsync(mediator, acces.Etablissement, cancellationToken))[apprenant.Division ?? ""]
                .FirstOrDefault(c => c.Referentiel == command.Referentiel)
                ?? throw new NonTraitableException($"La division {apprenant.Division} ne suit pas le référentiel {command.Referentiel}.");
            var maintenant = clock.GetUtcNow();
            var aujourdhui = Heure.Jour(maintenant);
            var annee = Heure.AnneeScolaire(aujourdhui);
            Guid? periodeId;
            string libelle;
            DateOnly debut, fin;
            if (command.Periode == Cycle)
            {
                if (!cursus.DerniereAnnee)
                {
                    throw new NonTraitableException($"Le bilan de fin de cycle se fait en dernière année du cycle ; la division {apprenant.Division} n'y est pas.");
                }
                (periodeId, libelle, debut, fin) = (null, "Cycle complet", new DateOnly(annee - cursus.Annees + 1, 9, 1), new DateOnly(annee + 1, 8, 31));
            }
            else
            {
                var id = Guid.Parse(command.Periode!);
                var periode = (await mediator.Send(new ListerPeriodesOfficiellesEtablissement(acces.Etablissement, null), cancellationToken))
                    .FirstOrDefault(p => p.Id == id) ?? throw new IntrouvableException("Période officielle introuvable.");
                if (!cursus.Suit(periode))
                {
                    throw new NonTraitableException($"« {periode.Libelle} » n'est pas un trimestre ou un semestre du référentiel {cursus.Referentiel} pour la division {apprenant.Division}.");
                }
                if (periode.Debut > aujourdhui)
                {
                    throw new NonTraitableException($"« {periode.Libelle} » ne commence que le {periode.Debut:dd/MM/yyyy} : son bilan se fait une fois la période commencée.");
                }
                (periodeId, libelle, debut, fin) = (periode.Id, periode.Libelle, periode.Debut, periode.Fin);
            }
            var cle = Bilan.CleDe(apprenant.UtilisateurId, periodeId, cursus.Referentiel);
            if (await session.Query<Bilan>().FirstOrDefaultAsync(b => b.Cle == cle, cancellationToken) is { } existant)
            {
                throw new ConflitException($"Un bilan existe déjà pour cette période, commencé par {existant.CreePar} : ouvrez-le plutôt.");
            }
            var bilan = new Bilan
            {
                Cle = cle, ApprenantId = apprenant.UtilisateurId, Division = apprenant.Division, Referentiel = cursus.Referentiel,
                ReferentielIntitule = cursus.Intitule, NiveauClasse = cursus.NiveauClasse, Type = periodeId is null ? Bilan.FinCycle : Bilan.Intermediaire,
                PeriodeId = periodeId, PeriodeLibelle = libelle, Debut = debut, Fin = fin, AnneeScolaire = annee, CreeLe = maintenant, CreePar = acces.Nom,
                ModifieLe = maintenant, ModifiePar = acces.Nom, Version = 1,
            };
            await Preuves.ActualiserAsync(mediator, acces.Etablissement, bilan, cancellationToken);
            session.Insert(bilan);
            return BilanDto.De(bilan, $"{apprenant.Prenom} {apprenant.Nom}", acces);
        }
    }

    internal sealed record Corps(string? Periode, string? Referentiel);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/apprenants/{apprenantId:guid}", async (Guid apprenantId, HttpRequest request, ICurrentUser user, IMediator mediator, CancellationToken ct) =>
                {
                    (await AccesBilans.VerifierAsync(mediator, user, apprenantId, ct)).Enseignant();
                    var corps = await CorpsJson.LireAsync<Corps>(request, ct);
                    var bilan = await mediator.Send(new Command(apprenantId, corps.Periode, corps.Referentiel), ct);
                    return TypedResults.Created($"/api/bilans/{bilan.Id}", bilan);
                })
                .Accepts<Corps>("application/json")
                .WithSummary("Commencer un bilan (enseignant de la division) : periode (identifiant d'une période officielle, ou « cycle »), referentiel");
    }
}
