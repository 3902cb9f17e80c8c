using System.Globalization;
using Carter;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Cpro.Periodes.Domain;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Periodes.Features;

/// <summary>The DDFTP (or the head) replaces at once the official periods of a diploma's class level for a school year:
/// all are kept, or none is written. A save made from another version of the set than the stored one is refused with 409
/// naming who changed it, so nobody overwrites a colleague's periods unknowingly.</summary>
internal static class EnregistrerPeriodesOfficielles
{
    public const int PeriodesMax = 40;

    internal sealed record Ligne(string? Type, string? Libelle, DateOnly? Debut, DateOnly? Fin);

    /// <param name="Version">The set's version as read (<see cref="LirePeriodesOfficielles"/>); none replaces without checking.</param>
    internal sealed record Command(string Referentiel, string NiveauClasse, int Annee, string? Version, IReadOnlyList<Ligne>? Periodes)
        : ICommand<PeriodesOfficiellesNiveauDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Annee).Valide();
            RuleFor(c => c.Periodes).NotNull().WithMessage("Donnez la liste des périodes (vide pour tout retirer).")
                .Must(p => p is null || p.Count <= PeriodesMax).WithMessage($"{PeriodesMax} périodes au plus par niveau.").OverridePropertyName("periodes");
            RuleFor(c => c.Periodes).Custom((periodes, context) => VerifierLignes(periodes ?? [], context.InstanceToValidate.Annee, context.AddFailure));
        }

        /// <summary>Each line's own rules, the message on its field (« periodes[1].fin »).</summary>
        private static void VerifierLignes(IReadOnlyList<Ligne> periodes, int annee, Action<string, string> echec)
        {
            var (debutAnnee, finAnnee) = (AnneeScolaire.Debut(annee), AnneeScolaire.Fin(annee));
            var horsAnnee = string.Create(CultureInfo.InvariantCulture,
                $"dans l'année scolaire {AnneeScolaire.Libelle(annee)} (du {debutAnnee:dd/MM/yyyy} au {finAnnee:dd/MM/yyyy})");
            var libelles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < periodes.Count; i++)
            {
                var (ligne, champ) = (periodes[i], $"periodes[{i}]");
                var type = CalendrierOfficiel.Lire(ligne.Type);
                if (type is null)
                {
                    echec($"{champ}.type", "Choisissez le type : trimestre, semestre, PFMP ou échéance de certification.");
                }
                if (string.IsNullOrWhiteSpace(ligne.Libelle))
                {
                    echec($"{champ}.libelle", "Le libellé est obligatoire.");
                }
                else if (ligne.Libelle.Trim().Length > 100)
                {
                    echec($"{champ}.libelle", "Le libellé ne doit pas dépasser 100 caractères.");
                }
                else if (!libelles.Add(ligne.Libelle.Trim()))
                {
                    echec($"{champ}.libelle", $"Le libellé « {ligne.Libelle.Trim()} » est déjà utilisé pour ce niveau.");
                }
                if (ligne.Debut is not { } debut)
                {
                    echec($"{champ}.debut", "La date de début est obligatoire.");
                }
                else if (debut < debutAnnee || debut > finAnnee)
                {
                    echec($"{champ}.debut", $"La date de début doit être {horsAnnee}.");
                }
                if (ligne.Fin is not { } fin)
                {
                    echec($"{champ}.fin", "La date de fin est obligatoire.");
                }
                else if (fin < debutAnnee || fin > finAnnee)
                {
                    echec($"{champ}.fin", $"La date de fin doit être {horsAnnee}.");
                }
                else if (ligne.Debut is { } d && fin < d)
                {
                    echec($"{champ}.fin", "La date de fin ne peut pas précéder la date de début.");
                }
                else if (type == TypePeriodeOfficielle.EcheanceCertification && ligne.Debut is { } jour && fin != jour)
                {
                    echec($"{champ}.fin", "Une date limite de certification tient en un jour : la fin est égale au début.");
                }
            }
        }
    }

    internal sealed class Handler(IDocumentSession session, UnitOfWork unitOfWork, ICurrentUser user, IMediator mediator, TimeProvider clock)
        : ICommandHandler<Command, PeriodesOfficiellesNiveauDto>
    {
        public async ValueTask<PeriodesOfficiellesNiveauDto> Handle(Command command, CancellationToken cancellationToken)
        {
            AccesPeriodes.Ddftp(user);
            var etablissement = AccesPeriodes.Etablissement(user);
            var abonne = await AccesPeriodes.ReferentielAbonneAsync(mediator, etablissement, command.Referentiel, cancellationToken);
            abonne.VerifierNiveau(command.NiveauClasse);
            // Saves of one set wait for one another until the commit: the second then reads the first's documents, hence
            // another version, instead of both passing the check on the same stale ones.
            await unitOfWork.VerrouillerAsync(
                $"cpro.periodes-officielles:{etablissement}:{command.Referentiel}:{command.NiveauClasse}:{command.Annee}", cancellationToken);
            var anciennes = await LirePeriodesOfficielles.DuNiveau(session.Query<PeriodeOfficielle>(), command.Referentiel, command.NiveauClasse, command.Annee)
                .ToListAsync(cancellationToken);
            if (command.Version is not null && command.Version != PeriodesOfficiellesNiveauDto.VersionDe(anciennes))
            {
                throw new ConflitException(Conflit(anciennes));
            }
            var maintenant = clock.GetUtcNow();
            var auteur = user.NomComplet ?? user.Login ?? "";
            List<PeriodeOfficielle> periodes =
            [
                .. command.Periodes!.Select(l => new PeriodeOfficielle
                {
                    Referentiel = command.Referentiel,
                    NiveauClasse = command.NiveauClasse,
                    AnneeScolaire = command.Annee,
                    Type = CalendrierOfficiel.Lire(l.Type)!.Value,
                    Libelle = l.Libelle!.Trim(),
                    Debut = l.Debut!.Value,
                    Fin = l.Fin!.Value,
                    ModifieLe = maintenant,
                    ModifiePar = auteur,
                }),
            ];
            var conflits = CalendrierOfficiel.Conflits(periodes);
            if (conflits.Count > 0)
            {
                throw new NonTraitableException(string.Join(" ", conflits));
            }
            foreach (var ancienne in anciennes)
            {
                session.Delete(ancienne);
            }
            session.Insert<PeriodeOfficielle>(periodes);
            return PeriodesOfficiellesNiveauDto.De(periodes);
        }

        /// <summary>Who saved the set now stored, and when; a set emptied since has no period left to tell.</summary>
        private static string Conflit(IReadOnlyList<PeriodeOfficielle> actuelles) =>
            actuelles.MaxBy(p => p.ModifieLe) is { } derniere
                ? string.Create(CultureInfo.InvariantCulture,
                    $"Les périodes officielles de ce niveau ont été modifiées par {derniere.ModifiePar} le {derniere.ModifieLe.ToLocalTime():dd/MM/yyyy à HH:mm} depuis votre lecture : rechargez la page pour voir leur état actuel, puis recommencez.")
                : "Les périodes officielles de ce niveau ont été retirées depuis votre lecture : rechargez la page pour voir leur état actuel, puis recommencez.";
    }

    internal sealed record Corps(string? Version, IReadOnlyList<Ligne>? Periodes);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/officielles/{referentiel}/{niveau}", async (string referentiel, string niveau, int? annee, Corps corps, IMediator mediator,
                    TimeProvider clock, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(referentiel, niveau, annee ?? AnneeScolaire.Courante(clock), corps.Version, corps.Periodes), ct)))
                .WithSummary("Remplacer les périodes officielles d'un niveau pour l'année (DDFTP, chef d'établissement ; version : celle lue, "
                             + "sinon 409 ; sans version, le niveau est remplacé sans contrôle)");
    }
}
