using System.Globalization;
using Cpro.Etablissements.Contracts;
using Cpro.Etablissements.Courriels;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Cpro.Etablissements.Features;

/// <summary>Creates or reuses the account of a tutor or maître d'apprentissage for another module (Periodes), and writes
/// them the email, in the same save.</summary>
internal sealed class ComptesEntreprise(EtablissementsDbContext db, Comptes comptes, BoiteEnvoi boite, IConfiguration configuration, TimeProvider clock)
    : ICommandHandler<CreerOuReutiliserCompteEntreprise, CompteEntreprise>
{
    public async ValueTask<CompteEntreprise> Handle(CreerOuReutiliserCompteEntreprise command, CancellationToken cancellationToken)
    {
        var etablissement = await db.Etablissements.SingleOrDefaultAsync(e => e.Id == command.EtablissementId, cancellationToken)
                            ?? throw new IntrouvableException("Établissement introuvable.");
        var profil = command.MaitreApprentissage ? Profils.MaitreApprentissage : Profils.Tuteur;
        var email = command.Email.Trim();
        // Case-insensitive equality through ILIKE: the email's own « _ » and « % » are not wildcards.
        var courriel = email.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        // The asking module has checked its caller belongs to this establishment: explicitly across the filter.
        var compte = await db.Utilisateurs.IgnoreQueryFilters()
            .Where(u => u.EtablissementId == etablissement.Id && u.Email != null && EF.Functions.ILike(u.Email, courriel))
            .OrderBy(u => u.CreeLe).FirstOrDefaultAsync(cancellationToken);
        var suivi = $"""
            Vous suivez {command.Apprenant} pendant « {command.Periode} », du {command.Debut.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} au {command.Fin.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}, en tant que {Profils.Libelle(profil).ToLowerInvariant()}.
            Vous retrouverez la période sur Cpro : {GestionComptes.AdresseSite(configuration)}
            """;
        if (compte is not null)
        {
            if (!compte.Profils.Contains(profil))
            {
                compte.Profils = [.. compte.Profils, profil];
            }
            boite.Ajouter(etablissement.Id, email, "Un apprenant à suivre sur Cpro", $"Bonjour {compte.NomComplet},\n\n{suivi}\n{etablissement.Nom} — {etablissement.Email}\n");
            await db.SaveChangesAsync(cancellationToken);
            return new CompteEntreprise(compte.Id, compte.Identifiants.Login, false);
        }
        var (utilisateur, code) = (await comptes.CreerAsync(etablissement.Id, [(command.Prenom.Trim(), command.Nom.Trim(), profil, Utilisateur.SourceEntreprise)],
            clock.GetUtcNow(), cancellationToken))[0];
        utilisateur.Email = email;
        db.Utilisateurs.Add(utilisateur);
        GestionComptes.EnvoyerIdentifiants(boite, configuration, etablissement, utilisateur, code, nouveau: true);
        boite.Ajouter(etablissement.Id, email, "Un apprenant à suivre sur Cpro", $"Bonjour {utilisateur.NomComplet},\n\n{suivi}\n{etablissement.Nom} — {etablissement.Email}\n");
        await db.SaveChangesAsync(cancellationToken);
        return new CompteEntreprise(utilisateur.Id, utilisateur.Identifiants.Login, true);
    }
}
