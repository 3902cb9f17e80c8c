using Cpro.Etablissements.Domain;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Cpro.Etablissements.Startup;

/// <summary>With CPRO_DEMO=true (set by build/run.sh), a demo establishment and one account per main profile.
/// Idempotent; the accounts are printed at every start so a newcomer can sign in. A class, 2MELEC1, holds demo.eleve and
/// five learners whose temporary codes wait in « Gestion des accès »; demo.enseignant teaches it. Another, 2MELEC1A, holds
/// demo.apprenti, an apprentice, whose maître d'apprentissage is demo.maitre.</summary>
internal sealed class DemoSeed(
    UnitOfWork unitOfWork, IConfiguration configuration, IPasswordHasher<Identifiants> hasher, Comptes comptes, TimeProvider clock,
    ILogger<DemoSeed> logger) : IStartupTask
{
    public const string Uai = "0750001U";
    public const string MotDePasse = "Demo-Cpro-2026";
    public const string Division = "2MELEC1";
    public const string DivisionApprentis = "2MELEC1A";
    private const string EmailTuteur = "eric.tuteur@example.org";
    private const string EmailMaitre = "marc.maitre@example.org";
    private const string StsEnseignant = "DEMO-ENS";

    private static readonly (string Prenom, string Nom)[] Camarades =
        [("Hugo", "Petit"), ("Inès", "Durand"), ("Noé", "Leroy"), ("Jade", "Moreau"), ("Théo", "Faure")];

    private static readonly (string Login, string Prenom, string Nom, string Profil)[] Comptes =
    [
        ("demo.admin", "Alice", "Administratrice", Profils.Administrateur),
        ("demo.chef", "Bernard", "Proviseur", Profils.ChefEtablissement),
        ("demo.ddftp", "Claire", "Directrice", Profils.Ddftp),
        ("demo.enseignant", "David", "Professeur", Profils.Enseignant),
        ("demo.eleve", "Léa", "Martin", Profils.Eleve),
        ("demo.tuteur", "Éric", "Tuteur", Profils.Tuteur),
        ("demo.apprenti", "Nathan", "Girard", Profils.Apprenti),
        ("demo.maitre", "Marc", "Maître", Profils.MaitreApprentissage),
    ];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("CPRO_DEMO"))
        {
            return;
        }
        var etablissement = await unitOfWork.Session.Query<Etablissement>().SingleOrDefaultAsync(e => e.Uai == Uai, cancellationToken);
        if (etablissement is null)
        {
            etablissement = new Etablissement
            {
                Uai = Uai, Nom = "Lycée professionnel de démonstration", Email = "ce.0750001u@example.org", CreeLe = clock.GetUtcNow(),
            };
            await unitOfWork.InTransactionAsync(session =>
            {
                session.Insert(etablissement);
                return Task.CompletedTask;
            }, cancellationToken);
        }
        await unitOfWork.InTransactionAsync(async session =>
        {
            var documents = session.PourEtablissement(etablissement.Id);
            foreach (var (login, prenom, nom, profil) in Comptes)
            {
                if (await documents.Query<Utilisateur>().AnyAsync(u => u.Identifiants.Login == login, cancellationToken))
                {
                    continue;
                }
                var identifiants = new Identifiants { Login = login, MotDePasseHash = "" };
                identifiants.MotDePasseHash = hasher.HashPassword(identifiants, MotDePasse);
                documents.Insert(new Utilisateur
                {
                    Identifiants = identifiants, Nom = nom, Prenom = prenom, Profils = [profil], CreeLe = clock.GetUtcNow(),
                    // The demo's PFMP and période employeur name their tutor and maître by these addresses, as a declaration
                    // does, and so reuse these accounts.
                    Email = profil == Profils.Tuteur ? EmailTuteur : profil == Profils.MaitreApprentissage ? EmailMaitre : null,
                });
            }
        }, cancellationToken);
        await unitOfWork.InTransactionAsync(session => ClasseAsync(session.PourEtablissement(etablissement.Id), etablissement.Id, cancellationToken),
            cancellationToken);
        await unitOfWork.InTransactionAsync(session => ApprentisAsync(session.PourEtablissement(etablissement.Id), cancellationToken), cancellationToken);
        logger.LogInformation("Établissement de démonstration {Uai} ; comptes {Comptes}, mot de passe {MotDePasse}",
            Uai, string.Join(", ", Comptes.Select(c => $"{c.Login} ({Profils.Libelle(c.Profil)})")), MotDePasse);
    }

    private async Task ClasseAsync(ITenantOperations documents, Guid etablissementId, CancellationToken cancellationToken)
    {
        if (await documents.Query<Siecle.Structure>().AnyAsync(s => s.Code == Division, cancellationToken))
        {
            return;
        }
        var comptesDemo = (await documents.Query<Utilisateur>()
                .Where(u => u.Identifiants.Login == "demo.enseignant" || u.Identifiants.Login == "demo.eleve")
                .ToListAsync(cancellationToken))
            .ToDictionary(u => u.Identifiants.Login);
        documents.Insert(new Siecle.Structure
        {
            Id = Guid.CreateVersion7(), Type = Siecle.Structure.TypeDivision, Code = Division, Libelle = "2nde Métiers de l'électricité 1",
            Appartenances = ["24023302210"], Services = [$"064000:CG:{StsEnseignant}"], ProfesseursPrincipaux = [StsEnseignant],
        });
        documents.Insert(new Siecle.Personnel
        {
            Id = Guid.CreateVersion7(), StsId = StsEnseignant, Nom = "Professeur", Prenom = "David", Fonction = "ENS",
            UtilisateurId = comptesDemo["demo.enseignant"].Id,
        });
        documents.Insert(Apprenant("DEMO-0", "Martin", "Léa", comptesDemo["demo.eleve"].Id));
        var camarades = await comptes.CreerAsync(etablissementId, [.. Camarades.Select(c => (c.Prenom, c.Nom, Profils.Eleve, Utilisateur.SourceSiecle))],
            clock.GetUtcNow(), cancellationToken);
        for (var i = 0; i < camarades.Count; i++)
        {
            documents.Insert(camarades[i].Utilisateur);
            documents.Insert(Apprenant($"DEMO-{i + 1}", Camarades[i].Nom, Camarades[i].Prenom, camarades[i].Utilisateur.Id));
        }
    }

    /// <summary>The apprentices' class, apart from 2MELEC1 so that its grids and PFMP stay the pupils'; added to a demo made
    /// before it.</summary>
    private async Task ApprentisAsync(ITenantOperations documents, CancellationToken cancellationToken)
    {
        if (await documents.Query<Siecle.Structure>().AnyAsync(s => s.Code == DivisionApprentis, cancellationToken))
        {
            return;
        }
        var apprenti = await documents.Query<Utilisateur>().SingleAsync(u => u.Identifiants.Login == "demo.apprenti", cancellationToken);
        documents.Insert(new Siecle.Structure
        {
            Id = Guid.CreateVersion7(), Type = Siecle.Structure.TypeDivision, Code = DivisionApprentis, Libelle = "2nde Métiers de l'électricité apprentis",
            Appartenances = ["24023302210"], Services = [$"064000:CG:{StsEnseignant}"],
        });
        documents.Insert(Apprenant("DEMO-A1", "Girard", "Nathan", apprenti.Id, Profils.Apprenti, DivisionApprentis));
    }

    private Siecle.Apprenant Apprenant(string eleveId, string nom, string prenom, Guid utilisateurId, string statut = Profils.Eleve, string division = Division) => new()
    {
        Id = Guid.CreateVersion7(), EleveId = eleveId, Nom = nom, Prenom = prenom, Statut = statut, Division = division,
        Mef = "24023302210", DateEntree = new DateOnly(clock.GetUtcNow().Month >= 9 ? clock.GetUtcNow().Year : clock.GetUtcNow().Year - 1, 9, 1),
        UtilisateurId = utilisateurId,
    };
}
