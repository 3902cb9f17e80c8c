using System.Security.Claims;
using Cpro.Etablissements;
using Cpro.Etablissements.Domain;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Errors;
using Cpro.Kernel.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.IntegrationTests.Api;

/// <summary>The kernel's establishment scoping, seen through a real module DbContext.</summary>
[Collection(CproCollection.Name)]
public sealed class ScopingTests(CproFactory factory)
{
    [Fact]
    public async Task A_query_sees_only_the_current_users_establishment_unless_it_explicitly_says_otherwise()
    {
        var (a, b) = (await EtablissementAsync(), await EtablissementAsync());
        await using (var system = Context(null))
        {
            system.ModuleActivations.AddRange(Activation(a, "Book"), Activation(b, "Book"));
            await system.SaveChangesAsync();
        }

        await using var ofA = Context(a);
        await using var nobody = Context(null);

        Assert.All(await ofA.ModuleActivations.ToListAsync(), m => Assert.Equal(a, m.EtablissementId));
        Assert.Contains(await ofA.ModuleActivations.ToListAsync(), m => m.Module == "Book");
        Assert.Empty(await nobody.ModuleActivations.ToListAsync());
        var explicitly = await ofA.ModuleActivations.IgnoreQueryFilters().Where(m => m.EtablissementId == b).ToListAsync();
        Assert.Single(explicitly);
    }

    [Fact]
    public async Task New_rows_take_the_users_establishment_and_another_establishments_rows_cannot_be_written()
    {
        var (a, b) = (await EtablissementAsync(), await EtablissementAsync());
        await using var ofA = Context(a);

        var stamped = new ModuleActivation { Module = "Bilans", ModifiePar = "test" };
        ofA.ModuleActivations.Add(stamped);
        await ofA.SaveChangesAsync();
        ofA.ModuleActivations.Add(Activation(b, "Bilans"));

        Assert.Equal(a, stamped.EtablissementId);
        await Assert.ThrowsAsync<InterditException>(() => ofA.SaveChangesAsync());
        await using var system = Context(null);
        Assert.Empty(await system.ModuleActivations.IgnoreQueryFilters().Where(m => m.EtablissementId == b).ToListAsync());
    }

    private async Task<Guid> EtablissementAsync()
    {
        var uai = await factory.CreerEtablissementAsync();
        await using var system = Context(null);
        return (await system.Etablissements.SingleAsync(e => e.Uai == uai)).Id;
    }

    private static ModuleActivation Activation(Guid etablissement, string module) =>
        new() { EtablissementId = etablissement, Module = module, Actif = false, ModifiePar = "test", ModifieLe = DateTimeOffset.UtcNow };

    private EtablissementsDbContext Context(Guid? etablissement)
    {
        var principal = etablissement is { } id
            ? CproClaims.Principal(Guid.NewGuid(), "test", "Test", id, null, [Profils.Administrateur], Guid.NewGuid(), "test")
            : new ClaimsPrincipal();
        var options = factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<EtablissementsDbContext>>();
        return new EtablissementsDbContext(options, new ClaimsCurrentUser(principal));
    }
}
