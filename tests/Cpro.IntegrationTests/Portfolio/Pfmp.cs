using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Periodes;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Kernel.Identity;

namespace Cpro.IntegrationTests.Portfolio;

/// <summary>What the portfolio tests start from: the <see cref="Classe"/> establishment with a PFMP (4 to 29 January 2027,
/// tasks T2.1 and T2.3) declared for Léa and Hugo, the class's teacher as referent, and Léa's tutor entered (his account
/// signed in). <see cref="Base"/> is Léa's portfolio. With <c>apprentis</c>, Léa and Hugo are apprentices and the period a
/// période employeur (the tutor their maître d'apprentissage).</summary>
internal sealed class Pfmp : IDisposable
{
    public required Classe Classe { get; init; }
    public required Guid PeriodeId { get; init; }
    public required Guid Lea { get; init; }
    public required HttpClient Eleve { get; init; }
    public required HttpClient Referent { get; init; }
    public required HttpClient Tuteur { get; init; }
    public required HttpClient Chef { get; init; }
    /// <summary>A teacher of the establishment who is not the period's referent.</summary>
    public required HttpClient Collegue { get; init; }
    /// <summary>A learner on the same period.</summary>
    public required HttpClient Hugo { get; init; }
    /// <summary>The DDFTP of another establishment.</summary>
    public required HttpClient Ailleurs { get; init; }

    public HttpClient Ddftp => Classe.Ddftp;

    public string Base => $"/api/portfolio/periodes/{PeriodeId}/apprenants/{Lea}";

    public static async Task<Pfmp> CreerAsync(CproFactory factory, bool apprentis = false)
    {
        var classe = await Classe.CreerAsync(factory);
        if (apprentis)
        {
            await EntrepriseDonnees.ApprentiAsync(factory, classe.Ids["Lea"]);
            await EntrepriseDonnees.ApprentiAsync(factory, classe.Ids["Hugo"]);
        }
        var annexe = await EntrepriseDonnees.AnnexeAsync(factory, classe.Uai, pourApprentis: apprentis);
        var periode = await EntrepriseDonnees.DeclarerAsync(classe.Ddftp, new
        {
            annexeId = annexe, type = apprentis ? "periodeEmployeur" : "pfmp", debut = "2027-01-04", fin = "2027-01-29", referents = new[] { classe.CompteId(classe.Professeur) },
            apprenants = new[] { classe.Ids["Lea"], classe.Ids["Hugo"] },
        });
        var id = periode.GetProperty("id").GetGuid();
        var email = $"tuteur.{Guid.NewGuid():N}@example.org";
        (await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{id}/apprenants/{classe.Ids["Lea"]}", EntrepriseDonnees.Fiche(email))).EnsureSuccessStatusCode();
        var autreUai = await factory.CreerEtablissementAsync();
        return new Pfmp
        {
            Classe = classe, PeriodeId = id, Lea = classe.Ids["Lea"],
            Eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]),
            Referent = await Classe.ClientAsync(factory, classe.Professeur),
            Tuteur = await EntrepriseDonnees.TuteurAsync(factory, email),
            Chef = await factory.ClientAsync(await factory.CreerUtilisateurAsync(classe.Uai, Profils.ChefEtablissement)),
            Collegue = await Classe.ClientAsync(factory, classe.Collegue),
            Hugo = await Classe.ClientAsync(factory, classe.Apprenants["Hugo"]),
            Ailleurs = await factory.ClientAsync(await factory.CreerUtilisateurAsync(autreUai, Profils.Ddftp)),
        };
    }

    public static object Fiche(string titre = "Pose de prises dans une cuisine", string debut = "2027-01-06", string[]? taches = null) => new
    {
        titre, debut, fin = (string?)null, contexte = "Chantier de rénovation d'un appartement, avec le chef d'équipe.",
        realisation = "J'ai tiré les câbles, posé et raccordé quatre prises.", taches = taches ?? ["T2.3"],
    };

    /// <summary>Léa's fiche, created (and submitted if asked) through the API.</summary>
    public async Task<JsonElement> FicheAsync(bool soumise = false, string titre = "Pose de prises dans une cuisine")
    {
        var creation = await Eleve.PostAsJsonAsync($"{Base}/fiches", Fiche(titre));
        Assert.True(creation.StatusCode == System.Net.HttpStatusCode.Created, await creation.Content.ReadAsStringAsync());
        var fiche = await creation.Content.ReadFromJsonAsync<JsonElement>();
        if (!soumise)
        {
            return fiche;
        }
        var soumission = await Eleve.PostAsJsonAsync($"{Base}/fiches/{fiche.GetProperty("id")}/soumission", new { version = fiche.GetProperty("version").GetInt32() });
        Assert.True(soumission.IsSuccessStatusCode, await soumission.Content.ReadAsStringAsync());
        return await soumission.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The referent reviews a submitted fiche: T2.3 retained and these items to evaluate.</summary>
    public async Task<JsonElement> ReviserAsync(JsonElement fiche, params string[] items)
    {
        var revue = await Referent.PutAsJsonAsync($"{Base}/fiches/{fiche.GetProperty("id")}/revue",
            new { version = fiche.GetProperty("version").GetInt32(), taches = new[] { "T2.3" }, items });
        Assert.True(revue.IsSuccessStatusCode, await revue.Content.ReadAsStringAsync());
        return await revue.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static MultipartFormDataContent Fichier(byte[] contenu, string nom)
    {
        var partie = new ByteArrayContent(contenu);
        partie.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { partie, "fichier", nom } };
    }

    public void Dispose()
    {
        foreach (var client in new[] { Eleve, Referent, Tuteur, Chef, Collegue, Hugo, Ailleurs })
        {
            client.Dispose();
        }
    }
}
