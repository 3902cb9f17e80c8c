using System.Globalization;
using Cpro.Etablissements.Contracts;
using Cpro.Etablissements.Courriels;
using Cpro.Etablissements.Domain;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.Extensions.Configuration;

namespace Cpro.Etablissements.Integrations;

/// <summary>Lists the establishment's tutors and maîtres d'apprentissage, and creates or reuses the account of a tutor or maître d'apprentissage for another module (Periodes), and writes
/// them the email, in the asking command's unit of work: if its save fails, neither the account nor the email stays.</summary>
internal sealed class ComptesEntreprise(IDocumentSession session, Comptes comptes, BoiteEnvoi boite, IConfiguration configuration, TimeProvider clock)
    : ICommandHandler<CreerOuReutiliserCompteEntreprise, CompteEntreprise>, IQueryHandler<ListerComptesEntreprise, IReadOnlyList<CompteTuteur>>
{
    public async ValueTask<IReadOnlyList<CompteTuteur>> Handle(ListerComptesEntreprise query, CancellationToken cancellationToken) =>
        [.. (await session.PourEtablissement(query.EtablissementId).Query<Utilisateur>()
                .Where(u => u.Actif && (u.Profils.Contains(Profils.Tuteur) || u.Profils.Contains(Profils.MaitreApprentissage)))
                .OrderBy(u => u.Nom).ThenBy(u => u.Prenom)
                .ToListAsync(cancellationToken))
            .Select(u => new CompteTuteur(u.Id, u.Nom, u.Prenom, u.Email, u.Profils.Contains(Profils.Tuteur), u.Profils.Contains(Profils.MaitreApprentissage)))];

    public async ValueTask<CompteEntreprise> Handle(CreerOuReutiliserCompteEntreprise command, CancellationToken cancellationToken)
    {
        var etablissement = await session.LoadAsync<Etablissement>(command.EtablissementId, cancellationToken)
                            ?? throw new IntrouvableException("Établissement introuvable.");
        var documents = session.PourEtablissement(etablissement.Id);
        var profil = command.MaitreApprentissage ? Profils.MaitreApprentissage : Profils.Tuteur;
        var email = command.Email.Trim();
        // The asking module has checked its caller belongs to this establishment, named here.
        var compte = await documents.Query<Utilisateur>()
            .Where(u => u.Email != null && u.Email.Equals(email, StringComparison.OrdinalIgnoreCase))
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
                documents.StoreRevision(compte, compte.Version);
            }
            boite.Ajouter(etablissement.Id, email, "Un apprenant à suivre sur Cpro", $"Bonjour {compte.NomComplet},\n\n{suivi}\n{etablissement.Nom} — {etablissement.Email}\n");
            return new CompteEntreprise(compte.Id, compte.Identifiants.Login, false);
        }
        var (utilisateur, code) = (await comptes.CreerAsync(etablissement.Id, [(command.Prenom.Trim(), command.Nom.Trim(), profil, Utilisateur.SourceEntreprise)],
            clock.GetUtcNow(), cancellationToken))[0];
        utilisateur.Email = email;
        documents.Insert(utilisateur);
        GestionComptes.EnvoyerIdentifiants(boite, configuration, etablissement, utilisateur, code, nouveau: true);
        boite.Ajouter(etablissement.Id, email, "Un apprenant à suivre sur Cpro", $"Bonjour {utilisateur.NomComplet},\n\n{suivi}\n{etablissement.Nom} — {etablissement.Email}\n");
        return new CompteEntreprise(utilisateur.Id, utilisateur.Identifiants.Login, true);
    }
}
