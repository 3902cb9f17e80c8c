using Cpro.Book.Domain;
using Cpro.IntegrationTests.Infrastructure;

namespace Cpro.IntegrationTests.Book;

/// <summary>The book's versioned document refuses a write from a stale revision, whatever checked it before.</summary>
[Collection(CproCollection.Name)]
public sealed class DocumentsTests(CproFactory factory)
{
    [Fact]
    public async Task A_reussite_saved_from_a_stale_revision_is_refused()
    {
        var reussite = new Reussite { Referentiel = "BACPRO-MELEC", Titre = "Câblage", ApprenantId = Guid.NewGuid(), Version = 0 };
        await DocumentChecks.StaleRevisionRefusedAsync(factory, Guid.NewGuid(), reussite, reussite.Id, r => r.Titre = "Premier", r => r.Titre = "Second");
    }
}
