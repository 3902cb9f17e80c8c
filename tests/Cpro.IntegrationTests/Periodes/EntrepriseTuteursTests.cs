using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Portfolio;
using static Cpro.IntegrationTests.Periodes.EntrepriseDonnees;

namespace Cpro.IntegrationTests.Periodes;

/// <summary>The referent or the learner may fill the company and the tutor too; the DDFTP sees who did; an existing tutor's
/// account is picked rather than typed again.</summary>
[Collection(CproCollection.Name)]
public sealed class EntrepriseTuteursTests(CproFactory factory)
{
    private static string Url(Pfmp pfmp, Guid apprenant) => $"/api/periodes/entreprise/{pfmp.PeriodeId}/apprenants/{apprenant}";

    private static JsonElement Ligne(JsonElement periode, Guid apprenant) =>
        periode.GetProperty("apprenants").EnumerateArray().Single(a => a.GetProperty("apprenantId").GetGuid() == apprenant);

    [Fact]
    public async Task The_referent_and_the_learner_fill_their_entries_and_the_ddftp_sees_who_did_others_are_refused()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        var hugo = pfmp.Classe.Ids["Hugo"];

        var parReferent = await pfmp.Referent.PutAsJsonAsync(Url(pfmp, hugo), Fiche($"tuteur.{Guid.NewGuid():N}@example.org", nom: "MARTIN", prenom: "Paul"));
        Assert.True(parReferent.IsSuccessStatusCode, await parReferent.Content.ReadAsStringAsync());
        var parEleve = await pfmp.Eleve.PutAsJsonAsync(Url(pfmp, pfmp.Lea), Fiche($"tuteur.{Guid.NewGuid():N}@example.org", nom: "BERNARD", prenom: "Anne"));
        Assert.True(parEleve.IsSuccessStatusCode, await parEleve.Content.ReadAsStringAsync());

        var periode = await pfmp.Ddftp.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{pfmp.PeriodeId}");
        Assert.Contains("VOLTA", Ligne(periode, hugo).GetProperty("saisie").GetProperty("par").GetString(), StringComparison.Ordinal);
        Assert.Contains("MARTIN", Ligne(periode, pfmp.Lea).GetProperty("saisie").GetProperty("par").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("BERNARD", Ligne(periode, pfmp.Lea).GetProperty("tuteur").GetProperty("nom").GetString());
        var page = WebUtility.HtmlDecode(await pfmp.Ddftp.GetStringAsync($"/periodes/entreprise/{pfmp.PeriodeId}"));
        Assert.Matches(@"Renseignée par \S+ VOLTA le \d\d/\d\d/\d{4} à \d\d:\d\d\.", page);

        // The learner fills only their own entry; a teacher who is not the period's referent, the tutor, nobody else.
        await (await pfmp.Eleve.PutAsJsonAsync(Url(pfmp, hugo), Fiche("x@example.org"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await pfmp.Hugo.PutAsJsonAsync(Url(pfmp, pfmp.Lea), Fiche("x@example.org"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await pfmp.Collegue.PutAsJsonAsync(Url(pfmp, hugo), Fiche("x@example.org"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await pfmp.Tuteur.PutAsJsonAsync(Url(pfmp, pfmp.Lea), Fiche("x@example.org"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await pfmp.Ailleurs.PutAsJsonAsync(Url(pfmp, hugo), Fiche("x@example.org"))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("MARTIN", Ligne(await pfmp.Ddftp.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{pfmp.PeriodeId}"), hugo)
            .GetProperty("tuteur").GetProperty("nom").GetString());
        // The learner's page offers their own form and no list of the establishment's tutors.
        var pageEleve = WebUtility.HtmlDecode(await pfmp.Eleve.GetStringAsync($"/periodes/entreprise/{pfmp.PeriodeId}"));
        Assert.Contains("Enregistrer la fiche de Lea", pageEleve, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("name=\"tuteurId\"", pageEleve, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_tutor_is_found_by_name_email_or_company_and_picked_by_the_ddftp_or_the_referent_not_the_learner()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        var hugo = pfmp.Classe.Ids["Hugo"];
        var lea = Ligne(await pfmp.Ddftp.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{pfmp.PeriodeId}"), pfmp.Lea).GetProperty("tuteur");
        var tuteurId = lea.GetProperty("id").GetGuid();

        foreach (var recherche in new[] { "élec serv", "claire dupont", lea.GetProperty("email").GetString()![..12] })
        {
            var trouves = (await pfmp.Referent.GetFromJsonAsync<JsonElement[]>($"/api/periodes/entreprise/{pfmp.PeriodeId}/tuteurs?recherche={Uri.EscapeDataString(recherche)}"))!;
            var trouve = Assert.Single(trouves);
            Assert.Equal(tuteurId, trouve.GetProperty("id").GetGuid());
            Assert.Equal(["Élec Services"], trouve.GetProperty("entreprises").EnumerateArray().Select(e => e.GetString()));
        }
        Assert.Empty((await pfmp.Ddftp.GetFromJsonAsync<JsonElement[]>($"/api/periodes/entreprise/{pfmp.PeriodeId}/tuteurs?recherche=introuvable"))!);
        await (await pfmp.Eleve.GetAsync($"/api/periodes/entreprise/{pfmp.PeriodeId}/tuteurs")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await pfmp.Collegue.GetAsync($"/api/periodes/entreprise/{pfmp.PeriodeId}/tuteurs")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await pfmp.Ailleurs.GetAsync($"/api/periodes/entreprise/{pfmp.PeriodeId}/tuteurs")).AssertProblemAsync(HttpStatusCode.NotFound);

        var choix = new { entrepriseNom = "Élec Services", entrepriseSiret = "73282932000074", entrepriseAdresse = "12 rue des Ampères, 75011 Paris", tuteurId };
        await (await pfmp.Hugo.PutAsJsonAsync(Url(pfmp, hugo), choix)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var inconnu = await (await pfmp.Ddftp.PutAsJsonAsync(Url(pfmp, hugo), choix with { tuteurId = pfmp.Classe.CollegueId }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Ce compte n'est pas celui d'un tuteur ou maître d'apprentissage actif de l'établissement.", inconnu.GetProperty("detail").GetString());
        var choisi = await pfmp.Referent.PutAsJsonAsync(Url(pfmp, hugo), choix);
        Assert.True(choisi.IsSuccessStatusCode, await choisi.Content.ReadAsStringAsync());
        var tuteur = (await choisi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tuteur");
        Assert.Equal((tuteurId, "DUPONT", "Claire", lea.GetProperty("email").GetString()),
            (tuteur.GetProperty("id").GetGuid(), tuteur.GetProperty("nom").GetString(), tuteur.GetProperty("prenom").GetString(), tuteur.GetProperty("email").GetString()));
        // The tutor now follows both learners, from the one account.
        Assert.Equal(2, (await pfmp.Tuteur.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{pfmp.PeriodeId}")).GetProperty("apprenants").GetArrayLength());

        var page = WebUtility.HtmlDecode(await pfmp.Ddftp.GetStringAsync($"/periodes/entreprise/{pfmp.PeriodeId}?recherche=dupont"));
        Assert.Contains($"<option value=\"{tuteurId}\">DUPONT Claire — {lea.GetProperty("email").GetString()} — Élec Services</option>", page, StringComparison.Ordinal);
    }
}
