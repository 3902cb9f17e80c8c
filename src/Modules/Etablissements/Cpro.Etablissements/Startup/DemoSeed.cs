using Cpro.Etablissements.Domain;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Cpro.Etablissements.Startup;

/// <summary>With CPRO_DEMO=true (set by build/run.sh), a demo establishment and one account per main profile.
/// Idempotent; the accounts are printed at every start so a newcomer can sign in.</summary>
internal sealed class DemoSeed(
    EtablissementsDbContext db, IConfiguration configuration, IPasswordHasher<Identifiants> hasher, TimeProvider clock,
    ILogger<DemoSeed> logger) : IStartupTask
{
    public const string Uai = "0750001U";
    public const string MotDePasse = "Demo-Cpro-2026";

    private static readonly (string Login, string Prenom, string Nom, string Profil)[] Comptes =
    [
        ("demo.admin", "Alice", "Administratrice", Profils.Administrateur),
        ("demo.chef", "Bernard", "Proviseur", Profils.ChefEtablissement),
        ("demo.ddftp", "Claire", "Directrice", Profils.Ddftp),
        ("demo.enseignant", "David", "Professeur", Profils.Enseignant),
        ("demo.eleve", "Léa", "Martin", Profils.Eleve),
        ("demo.tuteur", "Éric", "Tuteur", Profils.Tuteur),
    ];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("CPRO_DEMO"))
        {
            return;
        }
        var etablissement = await db.Etablissements.SingleOrDefaultAsync(e => e.Uai == Uai, cancellationToken);
        if (etablissement is null)
        {
            etablissement = new Etablissement
            {
                Uai = Uai, Nom = "Lycée professionnel de démonstration", Email = "ce.0750001u@example.org", CreeLe = clock.GetUtcNow(),
            };
            db.Etablissements.Add(etablissement);
        }
        foreach (var (login, prenom, nom, profil) in Comptes)
        {
            if (await db.Utilisateurs.IgnoreQueryFilters().AnyAsync(u => u.Identifiants.Login == login, cancellationToken))
            {
                continue;
            }
            var identifiants = new Identifiants { Login = login, MotDePasseHash = "" };
            identifiants.MotDePasseHash = hasher.HashPassword(identifiants, MotDePasse);
            db.Utilisateurs.Add(new Utilisateur
            {
                EtablissementId = etablissement.Id, Identifiants = identifiants, Nom = nom, Prenom = prenom, Profils = [profil],
                CreeLe = clock.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Établissement de démonstration {Uai} ; comptes {Comptes}, mot de passe {MotDePasse}",
            Uai, string.Join(", ", Comptes.Select(c => $"{c.Login} ({Profils.Libelle(c.Profil)})")), MotDePasse);
    }
}
