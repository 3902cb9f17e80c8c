using Cpro.Etablissements.Domain;
using Cpro.IntegrationTests.Infrastructure;

namespace Cpro.IntegrationTests.Persistence;

/// <summary>The versioned documents of Etablissements refuse a write from a stale revision, whatever checked it before.</summary>
[Collection(CproCollection.Name)]
public sealed class RevisionsTests(CproFactory factory)
{
    [Fact]
    public async Task An_establishment_saved_from_a_stale_revision_is_refused()
    {
        var etablissement = new Etablissement { Uai = "0000000X", Nom = "Lycée d'essai", Email = "ce@example.org", Version = 0 };
        await DocumentChecks.StaleRevisionRefusedAsync(factory, Guid.NewGuid(), etablissement, etablissement.Id,
            e => e.Nom = "Premier nom", e => e.Nom = "Second nom");
    }

    [Fact]
    public async Task An_account_saved_from_a_stale_revision_is_refused()
    {
        var utilisateur = new Utilisateur
        {
            Identifiants = new Identifiants { Login = $"revision.{Guid.NewGuid():N}", MotDePasseHash = "code$0" }, Nom = "ESSAI", Prenom = "Inès",
            Profils = [Kernel.Identity.Profils.Enseignant], Version = 0,
        };
        await DocumentChecks.StaleRevisionRefusedAsync(factory, Guid.NewGuid(), utilisateur, utilisateur.Id,
            u => u.Email = "premiere@example.org", u => u.Email = "seconde@example.org");
    }
}
