using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using FluentValidation;
using Marten;
using Microsoft.Extensions.Configuration;

namespace Cpro.Etablissements.Domain;

/// <summary>What the account slices share: who manages accounts, how an account is shown, the welcome email.</summary>
internal static class GestionComptes
{
    public const string Refus = "Seul un administrateur de cet établissement ou de la plateforme gère ses comptes.";
    public static readonly IReadOnlyList<string> Civilites = ["M.", "Mme"];

    internal sealed record UtilisateurDto(Guid Id, string Login, string? Civilite, string Nom, string Prenom, DateOnly? DateNaissance,
        string? Email, IReadOnlyList<string> Profils, string Source, bool Manuel, bool Actif, bool CodeProvisoireEnAttente,
        DateTimeOffset CreeLe, int Version)
    {
        public static UtilisateurDto From(Utilisateur u) => new(u.Id, u.Identifiants.Login, u.Civilite, u.Nom, u.Prenom, u.DateNaissance,
            u.Email, u.Profils, u.Source, u.Source == Utilisateur.SourceManuel, u.Actif, u.CodeProvisoire is not null, u.CreeLe, u.Version);
    }

    public static Task<Etablissement> EtablissementAsync(IQuerySession session, ICurrentUser user, string uai, CancellationToken cancellationToken) =>
        AccesEtablissement.VerifierAsync(session, user, uai, [Profils.Administrateur], Refus, cancellationToken);

    /// <summary>An account of that establishment, named explicitly: the platform administrator belongs to none.</summary>
    public static async Task<Utilisateur> UtilisateurAsync(IQuerySession session, Etablissement etablissement, Guid id, CancellationToken cancellationToken) =>
        await session.PourEtablissement(etablissement.Id).LoadAsync<Utilisateur>(id, cancellationToken)
        ?? throw new IntrouvableException("Utilisateur introuvable dans cet établissement.");

    public static void VerifierVersion(Utilisateur utilisateur, int version)
    {
        if (utilisateur.Version != version)
        {
            throw new ConflitException($"Le compte de {utilisateur.NomComplet} a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert : rechargez-le avant d'enregistrer.");
        }
    }

    /// <summary>Stores an account changed from the version read: a change saved by someone else in between is refused
    /// when the command commits (409).</summary>
    public static void Enregistrer(IDocumentSession session, Etablissement etablissement, Utilisateur utilisateur, int versionLue) =>
        session.PourEtablissement(etablissement.Id).StoreRevision(utilisateur, versionLue);

    /// <summary>The address users are told to visit: CPRO_PUBLIC_URL, else the first address the host listens on.</summary>
    public static string AdresseSite(IConfiguration configuration) =>
        configuration["CPRO_PUBLIC_URL"] is { Length: > 0 } publique
            ? publique
            : (configuration["CPRO_URLS"] ?? "http://127.0.0.1:5080").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];

    public static void EnvoyerIdentifiants(Courriels.BoiteEnvoi boite, IConfiguration configuration, Etablissement etablissement, Utilisateur utilisateur,
        string code, bool nouveau)
    {
        var corps = $"""
            Bonjour {utilisateur.NomComplet},

            {(nouveau ? "Un compte vient d'être créé pour vous" : "Un nouveau mot de passe provisoire vient de vous être attribué")} sur Cpro, pour l'établissement {etablissement.Nom}.

            Adresse du site : {AdresseSite(configuration)}
            Identifiant : {utilisateur.Identifiants.Login}
            Mot de passe provisoire : {code}

            À votre première connexion, vous choisirez votre propre mot de passe.

            {etablissement.Nom} — {etablissement.Email}
            """;
        boite.Ajouter(etablissement.Id, utilisateur.Email!, nouveau ? "Votre compte Cpro" : "Votre nouveau mot de passe provisoire Cpro", corps);
    }

    /// <summary>Rules of a person's identity, shared by creation and edition.</summary>
    public static void Identite<T>(AbstractValidator<T> v, Func<T, string?> civilite, Func<T, string?> nom, Func<T, string?> prenom,
        Func<T, DateOnly?> dateNaissance, Func<T, string?> email, bool emailObligatoire, TimeProvider clock)
    {
        v.RuleFor(c => civilite(c)).Must(c => c is null || Civilites.Contains(c)).OverridePropertyName("civilite")
            .WithMessage("La civilité est « M. » ou « Mme ».");
        v.RuleFor(c => nom(c)).NotEmpty().WithMessage("Le nom est obligatoire.")
            .MaximumLength(100).WithMessage("Le nom ne doit pas dépasser 100 caractères.").OverridePropertyName("nom");
        v.RuleFor(c => prenom(c)).NotEmpty().WithMessage("Le prénom est obligatoire.")
            .MaximumLength(100).WithMessage("Le prénom ne doit pas dépasser 100 caractères.").OverridePropertyName("prenom");
        v.RuleFor(c => dateNaissance(c))
            .Must(d => d is null || (d.Value.Year >= 1900 && d.Value < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
            .OverridePropertyName("dateNaissance")
            .WithMessage("La date de naissance doit être une date passée, après 1900.");
        if (emailObligatoire)
        {
            v.RuleFor(c => email(c)).NotEmpty().WithMessage("L'adresse électronique est obligatoire : elle reçoit l'identifiant et le mot de passe.")
                .OverridePropertyName("email");
        }
        v.RuleFor(c => email(c)).EmailAddress().WithMessage("L'adresse électronique n'est pas valide.")
            .MaximumLength(254).WithMessage("L'adresse électronique ne doit pas dépasser 254 caractères.")
            .OverridePropertyName("email")
            .When(c => !string.IsNullOrWhiteSpace(email(c)));
    }
}
