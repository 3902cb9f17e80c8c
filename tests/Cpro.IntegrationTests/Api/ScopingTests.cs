using Cpro.Etablissements.Domain;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Persistence;
using Marten;

namespace Cpro.IntegrationTests.Api;

/// <summary>The store's establishment scoping (Marten's conjoined tenancy), on a real module document.</summary>
[Collection(CproCollection.Name)]
public sealed class ScopingTests(CproFactory factory)
{
    [Fact]
    public async Task A_session_sees_only_its_establishments_documents_unless_it_names_another()
    {
        var (a, b) = (await EtablissementAsync(), await EtablissementAsync());
        await using (var ecriture = factory.Documents())
        {
            ecriture.PourEtablissement(a).Store(Activation("Book"));
            ecriture.PourEtablissement(b).Store(Activation("Book"));
            await ecriture.SaveChangesAsync();
        }

        await using var deA = factory.Documents(a);
        await using var personne = factory.Documents();

        Assert.Equal(["Book"], (await deA.Query<ModuleActivation>().ToListAsync()).Select(m => m.Id));
        Assert.Empty(await personne.Query<ModuleActivation>().ToListAsync());
        Assert.Single(await deA.PourEtablissement(b).Query<ModuleActivation>().ToListAsync());
    }

    [Fact]
    public async Task A_write_from_one_establishment_never_changes_anothers_document()
    {
        var (a, b) = (await EtablissementAsync(), await EtablissementAsync());
        await using (var deB = factory.Documents(b))
        {
            deB.Store(Activation("Bilans"));
            await deB.SaveChangesAsync();
        }

        await using (var deA = factory.Documents(a))
        {
            var meme = Activation("Bilans");
            meme.Actif = true;
            meme.ModifiePar = "a";
            deA.Store(meme);
            deA.Delete<ModuleActivation>("Bilans");
            await deA.SaveChangesAsync();
        }

        await using var lecture = factory.Documents(b);
        var intacte = await lecture.LoadAsync<ModuleActivation>("Bilans");
        Assert.Equal((false, "test"), (intacte!.Actif, intacte.ModifiePar));
    }

    private async Task<Guid> EtablissementAsync() => await factory.EtablissementIdAsync(await factory.CreerEtablissementAsync());

    private static ModuleActivation Activation(string module) =>
        new() { Id = module, Actif = false, ModifiePar = "test", ModifieLe = DateTimeOffset.UtcNow };
}
