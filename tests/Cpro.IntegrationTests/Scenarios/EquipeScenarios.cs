using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using Cpro.Referentiels.Contracts;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.IntegrationTests.Scenarios;

/// <summary>An establishment subscribed to the Bac Pro MELEC, its teaching team, and scenarios written through the API.</summary>
internal sealed class EquipeScenarios : IDisposable
{
    public const string Referentiel = "BACPRO-MELEC";

    private EquipeScenarios(string uai, string autreUai, HttpClient auteur, HttpClient collegue, HttpClient ddftp, HttpClient eleve, HttpClient etranger)
    {
        Uai = uai;
        AutreUai = autreUai;
        Auteur = auteur;
        Collegue = collegue;
        Ddftp = ddftp;
        Eleve = eleve;
        Etranger = etranger;
    }

    public string Uai { get; }
    /// <summary>The other establishment subscribed to the same diploma, the stranger's.</summary>
    public string AutreUai { get; }
    public HttpClient Auteur { get; }
    /// <summary>Another teacher of the establishment: reads the team's scenarios, edits none he is not co-author of.</summary>
    public HttpClient Collegue { get; }
    public HttpClient Ddftp { get; }
    public HttpClient Eleve { get; }
    /// <summary>A teacher of another establishment subscribed to the same diploma.</summary>
    public HttpClient Etranger { get; }

    public static async Task<EquipeScenarios> CreerAsync(CproFactory factory)
    {
        var uai = await AbonneAsync(factory);
        var autre = await AbonneAsync(factory);
        return new EquipeScenarios(uai, autre,
            await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Enseignant)),
            await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Enseignant)),
            await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Ddftp)),
            await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Eleve)),
            await factory.ClientAsync(await factory.CreerUtilisateurAsync(autre, Profils.Enseignant)));
    }

    public static async Task<ReferentielDto> ReferentielAsync(CproFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ObtenirReferentiel(Referentiel)))!;
    }

    /// <summary>A scenario of the author's, with these fields over a minimal content.</summary>
    public async Task<JsonElement> ScenarioAsync(object? contenu = null)
    {
        var corps = JsonSerializer.SerializeToNode(new { referentiel = Referentiel, niveauClasse = "SECONDE", titre = "Câblage d'un tableau" }, JsonSerializerOptions.Web)!
            .AsObject();
        foreach (var (champ, valeur) in JsonSerializer.SerializeToNode(contenu ?? new { }, JsonSerializerOptions.Web)!.AsObject().ToList())
        {
            corps[champ] = valeur?.DeepClone();
        }
        var response = await Auteur.PostAsJsonAsync("/api/scenarios", corps);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> AbonneAsync(CproFactory factory)
    {
        var uai = await factory.CreerEtablissementAsync();
        using var admin = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        var response = await admin.PutAsJsonAsync($"/api/referentiels/abonnements/{Referentiel}",
            new { niveaux = new[] { new { niveauClasse = "SECONDE", divisions = Array.Empty<string>() } } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return uai;
    }

    public void Dispose()
    {
        foreach (var client in new[] { Auteur, Collegue, Ddftp, Eleve, Etranger })
        {
            client.Dispose();
        }
    }
}
