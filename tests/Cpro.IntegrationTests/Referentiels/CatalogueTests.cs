using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Modules;
using Cpro.Referentiels;
using Cpro.Referentiels.Contracts;
using Cpro.Referentiels.Domain;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cpro.IntegrationTests.Referentiels;

/// <summary>The shipped catalogue: loaded at start, with its trees, and loaded again without a write.</summary>
[Collection(CproCollection.Name)]
public sealed class CatalogueTests(CproFactory factory)
{
    private static readonly string[] Livres = ["BACPRO-CIEL", "BACPRO-ICCER", "BACPRO-MEE", "BACPRO-MELEC", "BACPRO-MFER"];

    [Fact]
    public async Task The_five_2TNE_specialties_are_in_the_catalogue_after_start()
    {
        using var admin = await factory.AdminClientAsync();

        var liste = (await admin.GetFromJsonAsync<JsonElement[]>("/api/referentiels"))!;

        var livres = liste.Where(r => r.GetProperty("source").GetString() == Referentiel.SourceCatalogue).ToList();
        Assert.Equal(Livres, livres.Select(r => r.GetProperty("code").GetString()));
        var melec = livres.Single(r => r.GetProperty("code").GetString() == "BACPRO-MELEC");
        Assert.Equal("Baccalauréat professionnel", melec.GetProperty("diplome").GetString());
        Assert.Equal("BAC_PRO", melec.GetProperty("niveau").GetString());
        Assert.Equal("Métiers de l’Électricité et de ses Environnements Connectés", melec.GetProperty("intitule").GetString());
        Assert.Equal(["SECONDE", "PREMIERE", "TERMINALE"], melec.GetProperty("niveauxDeClasse").EnumerateArray().Select(n => n.GetString()));
        Assert.Matches("^[0-9a-f]{64}$", melec.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Null, melec.GetProperty("abonne").ValueKind);
    }

    [Fact]
    public async Task The_MELEC_tree_has_its_blocs_activities_tasks_competences_and_coded_criteria()
    {
        using var admin = await factory.AdminClientAsync();

        var melec = (await admin.GetFromJsonAsync<ReferentielDto>("/api/referentiels/bacpro-melec"))!;

        Assert.Equal("BACPRO-MELEC", melec.Code);
        Assert.Equal(["B1", "B2", "B3"], melec.Blocs.Select(b => b.Code));
        Assert.Equal(["A2", "A3"], melec.Blocs[1].Activites.Select(a => a.Code));
        Assert.Equal("T1.1", melec.Blocs[0].Activites[0].Taches[0].Code);
        Assert.False(melec.Blocs[0].Activites[0].Transversale);
        var transversale = Assert.Single(melec.ActivitesTransversales);
        Assert.Equal(("A5", true), (transversale.Code, transversale.Transversale));
        Assert.Equal(13, melec.Competences.Count);
        var c1 = melec.Competences[0];
        Assert.Equal("C1", c1.Code);
        Assert.Equal(8, c1.Criteres.Count);
        Assert.Equal(["C1.1", "C1.2", "C1.3", "C1.4", "C1.5", "C1.6", "C1.7", "C1.8"], c1.Criteres.Select(c => c.Code));
        Assert.Equal("Les informations nécessaires sont recueillies", c1.Criteres[0].Intitule);
        Assert.Equal(["B1"], c1.Blocs);
        Assert.Equal(["A1"], c1.Activites);
        Assert.Equal(["CC1"], c1.CompetencesCommunes);
        Assert.Equal(["B1", "B2", "B3"], melec.Competences.Single(c => c.Code == "C2").Blocs);
        Assert.Empty(melec.Competences.Single(c => c.Code == "C13").Blocs);
        Assert.Equal(9, melec.CompetencesCommunes.Count);
    }

    [Fact]
    public async Task Every_shipped_tree_is_readable_and_CIEL_keeps_its_unmobilised_competences()
    {
        using var admin = await factory.AdminClientAsync();

        foreach (var code in Livres)
        {
            var arbre = (await admin.GetFromJsonAsync<ReferentielDto>($"/api/referentiels/{code}"))!;
            Assert.NotEmpty(arbre.Blocs);
            Assert.All(arbre.Competences.Where(c => c.Activites.Count > 0), c => Assert.NotEmpty(c.Criteres));
        }
        var ciel = (await admin.GetFromJsonAsync<ReferentielDto>("/api/referentiels/BACPRO-CIEL"))!;
        Assert.Empty(ciel.Competences.Single(c => c.Code == "C02").Criteres);
        Assert.Equal("C01.1", ciel.Competences[0].Criteres[0].Code);
    }

    [Fact]
    public async Task Loading_again_writes_nothing_and_a_changed_version_is_reloaded()
    {
        var avant = await EtatAsync();

        await ChargerAsync();

        Assert.Equal(5, avant.Count);
        Assert.Equal(avant, await EtatAsync());

        await using (var session = factory.Documents())
        {
            var mee = (await session.LoadAsync<Referentiel>("BACPRO-MEE"))!;
            mee.Version = "ancienne";
            session.Store(mee);
            await session.SaveChangesAsync();
        }
        await ChargerAsync();

        var apres = await EtatAsync();
        Assert.Equal(avant.Single(r => r.Code == "BACPRO-MEE").Version, apres.Single(r => r.Code == "BACPRO-MEE").Version);
        Assert.True(apres.Single(r => r.Code == "BACPRO-MEE").ImporteLe > avant.Single(r => r.Code == "BACPRO-MEE").ImporteLe);
        Assert.Equal(avant.Where(r => r.Code != "BACPRO-MEE"), apres.Where(r => r.Code != "BACPRO-MEE"));
    }

    [Fact]
    public async Task Other_modules_read_a_tree_by_code_or_null()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var mfer = await mediator.Send(new ObtenirReferentiel("BACPRO-MFER"));
        var inconnu = await mediator.Send(new ObtenirReferentiel("BACPRO-INCONNU"));

        Assert.Equal(13, mfer!.Competences.Count);
        Assert.Null(inconnu);
    }

    private async Task ChargerAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        foreach (var tache in scope.ServiceProvider.GetServices<IStartupTask>().Where(t => t.GetType().Assembly == typeof(ReferentielsModule).Assembly))
        {
            await tache.RunAsync(CancellationToken.None);
        }
    }

    /// <summary>The shipped documents as stored: a rewrite would change their xmin (PostgreSQL's row version) and date.</summary>
    private async Task<List<Ligne>> EtatAsync()
    {
        await using var connexion = new NpgsqlConnection(factory.ConnectionString);
        await connexion.OpenAsync();
        await using var commande = new NpgsqlCommand("""
            SELECT id, data->>'Version', (data->>'ImporteLe')::timestamptz, xmin::text::bigint FROM referentiels.mt_doc_referentiel
            WHERE data->>'Source' = 'catalogue' ORDER BY id
            """, connexion);
        await using var lecteur = await commande.ExecuteReaderAsync();
        var lignes = new List<Ligne>();
        while (await lecteur.ReadAsync())
        {
            lignes.Add(new Ligne(lecteur.GetString(0), lecteur.GetString(1), lecteur.GetFieldValue<DateTimeOffset>(2), lecteur.GetInt64(3)));
        }
        return lignes;
    }

    private sealed record Ligne(string Code, string Version, DateTimeOffset ImporteLe, long Xmin);
}
