using Carter;
using Cpro.Etablissements.Contracts;
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

/// <summary>The DDFTP, a referent of the period or the learner themself fills one learner's entry on a period: the host
/// company, and the tutor (PFMP) or maître d'apprentissage (période employeur), either an account of the establishment
/// picked by its id (<see cref="ListerTuteursEntreprise"/>) or typed, whose account is then created or reused by its
/// email; either way the tutor is told by email. Who filled it, and when, is kept for the DDFTP.</summary>
internal static class RenseignerAffectation
{
    internal sealed record Command(
        Guid PeriodeId, Guid ApprenantId, string? EntrepriseNom, string? EntrepriseSiret, string? EntrepriseAdresse,
        string? TuteurNom, string? TuteurPrenom, string? TuteurEmail, string? TuteurTelephone, Guid? TuteurId = null) : ICommand<AffectationDto>;

    /// <summary>Everything is checked here, before the account is created or the email queued.</summary>
    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.EntrepriseNom).NotEmpty().WithMessage("Le nom de l'entreprise est obligatoire.")
                .MaximumLength(200).WithMessage("Le nom de l'entreprise compte 200 caractères au plus.");
            RuleFor(c => c.EntrepriseSiret).NotEmpty().WithMessage("Le SIRET de l'entreprise est obligatoire.")
                .Must(s => Siret.Valide(Siret.Normaliser(s))).When(c => !string.IsNullOrWhiteSpace(c.EntrepriseSiret))
                .WithMessage("Le SIRET compte 14 chiffres et sa clé de contrôle doit être juste : vérifiez-le.");
            RuleFor(c => c.EntrepriseAdresse).NotEmpty().WithMessage("L'adresse de l'entreprise est obligatoire.")
                .MaximumLength(500).WithMessage("L'adresse compte 500 caractères au plus.");
            // An account picked brings its own name and email.
            When(c => c.TuteurId is null, () =>
            {
            RuleFor(c => c.TuteurNom).NotEmpty().WithMessage("Le nom du tuteur ou du maître d'apprentissage est obligatoire.")
                .MaximumLength(100).WithMessage("Le nom compte 100 caractères au plus.");
            RuleFor(c => c.TuteurPrenom).NotEmpty().WithMessage("Le prénom du tuteur ou du maître d'apprentissage est obligatoire.")
                .MaximumLength(100).WithMessage("Le prénom compte 100 caractères au plus.");
            RuleFor(c => c.TuteurEmail).NotEmpty().WithMessage("L'adresse électronique du tuteur ou du maître d'apprentissage est obligatoire : son compte et ses identifiants en dépendent.")
                .EmailAddress().WithMessage("L'adresse électronique n'est pas valide.")
                .MaximumLength(254).WithMessage("L'adresse électronique compte 254 caractères au plus.");
            });
            RuleFor(c => c.TuteurTelephone).Matches(@"^\+?[0-9 .()-]{6,30}$").When(c => !string.IsNullOrWhiteSpace(c.TuteurTelephone))
                .WithMessage("Le téléphone ne contient que des chiffres (et espaces, points, tirets, un « + » initial).");
        }
    }

    internal sealed class Handler(IDocumentSession session, UnitOfWork unitOfWork, ICurrentUser user, IMediator mediator, TimeProvider clock)
        : ICommandHandler<Command, AffectationDto>
    {
        public async ValueTask<AffectationDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var periode = await AccesEntreprise.RenseignableAsync(session, unitOfWork, user, command.PeriodeId, command.ApprenantId, cancellationToken);
            var etablissement = AccesPeriodes.Etablissement(user);
            var affectation = await session.Query<AffectationEntreprise>()
                                  .SingleOrDefaultAsync(a => a.PeriodeId == periode.Id && a.ApprenantId == command.ApprenantId, cancellationToken)
                              ?? throw new IntrouvableException("Cet apprenant n'est pas sur la période.");
            var apprenant = (await mediator.Send(new ObtenirApprenants(etablissement, [command.ApprenantId]), cancellationToken)).SingleOrDefault()
                            ?? throw new IntrouvableException("Apprenant introuvable.");
            var (nom, prenom, email) = (command.TuteurNom?.Trim(), command.TuteurPrenom?.Trim(), command.TuteurEmail?.Trim());
            if (command.TuteurId is { } tuteurId)
            {
                if (!AccesEntreprise.PeutChoisirTuteur(user, periode))
                {
                    throw new InterditException("Seuls le DDFTP, le chef d'établissement et les professeurs référents choisissent un tuteur parmi les comptes de l'établissement.");
                }
                var compte = (await mediator.Send(new ListerComptesEntreprise(etablissement), cancellationToken)).SingleOrDefault(c => c.UtilisateurId == tuteurId)
                             ?? throw new NonTraitableException("Ce compte n'est pas celui d'un tuteur ou maître d'apprentissage actif de l'établissement.");
                (nom, prenom, email) = (compte.Nom, compte.Prenom, compte.Email
                    ?? throw new NonTraitableException($"Le compte de {compte.Prenom} {compte.Nom} n'a pas d'adresse électronique : saisissez-la avec son nom."));
            }
            affectation.EntrepriseNom = command.EntrepriseNom!.Trim();
            affectation.EntrepriseSiret = Siret.Normaliser(command.EntrepriseSiret);
            affectation.EntrepriseAdresse = command.EntrepriseAdresse!.Trim();
            affectation.TuteurNom = nom!;
            affectation.TuteurPrenom = prenom!;
            affectation.TuteurTelephone = DeclarerPeriodeEntreprise.Texte(command.TuteurTelephone);
            affectation.ModifieLe = clock.GetUtcNow();
            affectation.ModifieParId = user.UserId;
            affectation.ModifiePar = user.NomComplet ?? user.Login;
            // A new tutor (or a new email) gets their account and the email; saving the company again writes to no one.
            if (affectation.TuteurId is null || !string.Equals(affectation.TuteurEmail, email, StringComparison.OrdinalIgnoreCase))
            {
                var compte = await mediator.Send(new CreerOuReutiliserCompteEntreprise(etablissement, periode.Type == TypePeriodeEntreprise.PeriodeEmployeur,
                    affectation.TuteurNom, affectation.TuteurPrenom, email!, ContenuPeriode.NomComplet(apprenant), periode.Titre, periode.Debut, periode.Fin), cancellationToken);
                affectation.TuteurId = compte.UtilisateurId;
            }
            affectation.TuteurEmail = email;
            session.Store(affectation);
            return PeriodeEntrepriseDto.Ligne(affectation, apprenant,
                await AccesEntreprise.DivisionsDuNiveauAsync(mediator, etablissement, periode.Referentiel, periode.NiveauClasse, cancellationToken), renseignable: true);
        }
    }

    internal sealed record Corps(string? EntrepriseNom, string? EntrepriseSiret, string? EntrepriseAdresse, string? TuteurNom, string? TuteurPrenom,
        string? TuteurEmail, string? TuteurTelephone, Guid? TuteurId);

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPut("/entreprise/{id:guid}/apprenants/{apprenantId:guid}", async (Guid id, Guid apprenantId, Corps corps, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Command(id, apprenantId, corps.EntrepriseNom, corps.EntrepriseSiret, corps.EntrepriseAdresse,
                        corps.TuteurNom, corps.TuteurPrenom, corps.TuteurEmail, corps.TuteurTelephone, corps.TuteurId), ct)))
                .WithSummary("Renseigner l'entreprise d'accueil et le tuteur ou maître d'apprentissage d'un apprenant (DDFTP, professeur référent ou l'apprenant ; tuteurId : un compte de l'établissement, sinon le compte est créé ou réutilisé par son adresse)");
    }
}

/// <summary>A French establishment number: 14 digits whose Luhn sum is a multiple of 10, except La Poste's
/// (SIREN 356000000), whose offices are numbered so the plain sum of the digits is a multiple of 5 (its head office keeps
/// a Luhn-valid number).</summary>
internal static class Siret
{
    private const string SirenLaPoste = "356000000";

    /// <summary>Spaces (as printed on documents) are dropped.</summary>
    public static string? Normaliser(string? siret) => siret?.Replace(" ", "", StringComparison.Ordinal).Trim();

    public static bool Valide(string? siret) =>
        siret is { Length: 14 } && siret.All(char.IsAsciiDigit)
        && (Luhn(siret) || (siret.StartsWith(SirenLaPoste, StringComparison.Ordinal) && siret.Sum(c => c - '0') % 5 == 0));

    private static bool Luhn(string chiffres)
    {
        var somme = 0;
        for (var i = 0; i < chiffres.Length; i++)
        {
            var chiffre = chiffres[chiffres.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                chiffre = chiffre * 2 > 9 ? chiffre * 2 - 9 : chiffre * 2;
            }
            somme += chiffre;
        }
        return somme % 10 == 0;
    }
}
