using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Kernel.Identity;
using static Cpro.IntegrationTests.Periodes.EntrepriseDonnees;

namespace Cpro.IntegrationTests.Periodes;

[Collection(CproCollection.Name)]
public sealed class EntrepriseDroitsTests(CproFactory factory)
{
    [Fact]
    public async Task Each_reads_what_they_may_see_the_ddftp_and_the_head_all_a_referent_their_periods_a_learner_their_own_assignment()
    {
        var classe = await Classe.CreerAsync(factory);
        var annexe = await AnnexeAsync(factory, classe.Uai);
        var professeur = classe.CompteId(classe.Professeur);
        using var chef = await factory.ClientAsync(await factory.CreerUtilisateurAsync(classe.Uai, Profils.ChefEtablissement));
        var suivie = await DeclarerAsync(chef, new
        {
            annexeId = annexe, type = "pfmp", debut = "2027-01-04", fin = "2027-01-29", referents = new[] { professeur },
            apprenants = new[] { classe.Ids["Lea"], classe.Ids["Hugo"], classe.Ids["Nina"] },
        });
        var autre = await DeclarerAsync(classe.Ddftp, new { annexeId = annexe, type = "pfmp", titre = "PFMP rattrapage", debut = "2027-05-03", fin = "2027-05-14", apprenants = new[] { classe.Ids["Ines"] } });
        var id = suivie.GetProperty("id").GetGuid();
        Assert.Equal(["Alessandro"], suivie.GetProperty("referents").EnumerateArray().Select(r => r.GetProperty("prenom").GetString()));

        Assert.Equal(2, (await classe.Ddftp.GetFromJsonAsync<JsonElement[]>("/api/periodes/entreprise"))!.Length);
        Assert.Equal(2, (await chef.GetFromJsonAsync<JsonElement[]>("/api/periodes/entreprise"))!.Length);

        using var referent = await Classe.ClientAsync(factory, classe.Professeur);
        var duReferent = Assert.Single((await referent.GetFromJsonAsync<JsonElement[]>("/api/periodes/entreprise"))!);
        Assert.Equal(3, duReferent.GetProperty("apprenants").GetInt32());
        Assert.Equal(["Hugo", "Lea", "Nina"], Prenoms(await referent.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{id}")));
        await (await referent.GetAsync($"/api/periodes/entreprise/{autre.GetProperty("id").GetGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);

        using var collegue = await Classe.ClientAsync(factory, classe.Collegue);
        Assert.Empty((await collegue.GetFromJsonAsync<JsonElement[]>("/api/periodes/entreprise"))!);
        await (await collegue.GetAsync($"/api/periodes/entreprise/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        using var lea = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);
        var deLea = Assert.Single((await lea.GetFromJsonAsync<JsonElement[]>("/api/periodes/entreprise"))!);
        Assert.Equal(1, deLea.GetProperty("apprenants").GetInt32());
        var vue = await lea.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{id}");
        Assert.Equal(["Lea"], Prenoms(vue));
        Assert.Equal(JsonValueKind.Null, vue.GetProperty("fichesRenseignees").ValueKind);

        using var zoe = await Classe.ClientAsync(factory, classe.Apprenants["Zoe"]);
        Assert.Empty((await zoe.GetFromJsonAsync<JsonElement[]>("/api/periodes/entreprise"))!);
        await (await zoe.GetAsync($"/api/periodes/entreprise/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_ddftp_and_the_head_declare_edit_and_delete_the_referent_and_the_learner_may_also_fill_and_another_establishment_finds_nothing()
    {
        var classe = await Classe.CreerAsync(factory);
        var annexe = await AnnexeAsync(factory, classe.Uai);
        var periode = await DeclarerAsync(classe.Ddftp, new { annexeId = annexe, type = "pfmp", debut = "2027-01-04", fin = "2027-01-29", referents = new[] { classe.CompteId(classe.Professeur) } });
        var id = periode.GetProperty("id").GetGuid();
        var version = periode.GetProperty("version").GetUInt32();
        var email = $"tuteur.{Guid.NewGuid():N}@example.org";
        (await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{id}/apprenants/{classe.Ids["Lea"]}", Fiche(email))).EnsureSuccessStatusCode();
        using var tuteur = await TuteurAsync(factory, email);
        var autreUai = await factory.CreerEtablissementAsync();
        using var ailleurs = await factory.ClientAsync(await factory.CreerUtilisateurAsync(autreUai, Profils.Ddftp));

        // The referent and the learner fill the learner's entry too (EntrepriseTuteursTests).
        async Task AttendreAsync(HttpClient client, HttpStatusCode statut, bool remplit = false)
        {
            await (await client.GetAsync($"/api/periodes/entreprise/apprenants?annexeId={annexe}")).AssertProblemAsync(statut);
            await (await client.PostAsJsonAsync("/api/periodes/entreprise", new { annexeId = annexe, type = "pfmp", debut = "2027-06-01", fin = "2027-06-12" })).AssertProblemAsync(statut);
            await (await client.PutAsJsonAsync($"/api/periodes/entreprise/{id}", new { version, titre = "Autre", debut = "2027-01-04", fin = "2027-01-29" })).AssertProblemAsync(statut);
            if (!remplit)
            {
                await (await client.PutAsJsonAsync($"/api/periodes/entreprise/{id}/apprenants/{classe.Ids["Lea"]}", Fiche(email))).AssertProblemAsync(statut);
            }
            await (await client.DeleteAsync($"/api/periodes/entreprise/{id}?confirmation=1")).AssertProblemAsync(statut);
        }

        using var referent = await Classe.ClientAsync(factory, classe.Professeur);
        using var lea = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);
        foreach (var (client, remplit) in new[] { (referent, true), (lea, true), (tuteur, false), (classe.Admin, false) })
        {
            await AttendreAsync(client, HttpStatusCode.Forbidden, remplit);
        }
        await AttendreAsync(ailleurs, HttpStatusCode.NotFound);
        Assert.Empty((await ailleurs.GetFromJsonAsync<JsonElement[]>("/api/periodes/entreprise"))!);
        await (await ailleurs.GetAsync($"/api/periodes/entreprise/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        using var anonyme = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonyme.GetAsync("/api/periodes/entreprise")).StatusCode);

        var lue = await classe.Ddftp.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{id}");
        Assert.Equal("PFMP 1 — Câblage", lue.GetProperty("titre").GetString());
        Assert.Equal(5, lue.GetProperty("apprenants").GetArrayLength());
    }
}
