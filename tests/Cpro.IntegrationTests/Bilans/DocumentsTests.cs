using Cpro.Bilans.Domain;
using Cpro.IntegrationTests.Infrastructure;

namespace Cpro.IntegrationTests.Bilans;

/// <summary>A bilan refuses a write from a stale revision, whatever checked it before.</summary>
[Collection(CproCollection.Name)]
public sealed class DocumentsTests(CproFactory factory)
{
    [Fact]
    public async Task A_bilan_saved_from_a_stale_revision_is_refused()
    {
        var bilan = new Bilan
        {
            Cle = $"{Guid.NewGuid():N}:cycle:BACPRO-MELEC", ApprenantId = Guid.NewGuid(), Referentiel = "BACPRO-MELEC", ReferentielIntitule = "MELEC",
            NiveauClasse = "TERMINALE", Type = Bilan.FinCycle, PeriodeLibelle = "Cycle complet", CreePar = "Éric", ModifiePar = "Éric", Version = 0,
        };
        await DocumentChecks.StaleRevisionRefusedAsync(factory, Guid.NewGuid(), bilan, bilan.Id, b => b.Appreciation = "Premier", b => b.Appreciation = "Second");
    }
}
