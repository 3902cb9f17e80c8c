using Cpro.IntegrationTests.Infrastructure;
using Cpro.Portfolio.Domain;

namespace Cpro.IntegrationTests.Portfolio;

/// <summary>The portfolio's versioned documents refuse a write from a stale revision, whatever checked it before.</summary>
[Collection(CproCollection.Name)]
public sealed class DocumentsTests(CproFactory factory)
{
    [Fact]
    public async Task A_fiche_saved_from_a_stale_revision_is_refused()
    {
        var fiche = new FicheActivite { Id = Guid.NewGuid(), Titre = "Câblage", ModifiePar = "Léa", Debut = new DateOnly(2027, 1, 6), Version = 0 };
        await DocumentChecks.StaleRevisionRefusedAsync(factory, Guid.NewGuid(), fiche, fiche.Id, f => f.Titre = "Premier", f => f.Titre = "Second");
    }

    [Fact]
    public async Task A_bilan_saved_from_a_stale_revision_is_refused()
    {
        var bilan = new BilanEntreprise { PeriodeId = Guid.NewGuid(), ApprenantId = Guid.NewGuid(), ModifiePar = "Éric", Version = 0 };
        await DocumentChecks.StaleRevisionRefusedAsync(factory, Guid.NewGuid(), bilan, bilan.Id, b => b.Niveaux["C1"] = "3", b => b.Niveaux["C1"] = "2");
    }
}
