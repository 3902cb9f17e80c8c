using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using static Cpro.IntegrationTests.Periodes.EntrepriseDonnees;

namespace Cpro.IntegrationTests.Periodes;

[Collection(CproCollection.Name)]
public sealed class EntrepriseAffectationsTests(CproFactory factory)
{
    [Fact]
    public async Task The_tutor_account_is_created_then_reused_for_the_same_email_each_time_with_an_email_and_the_tutor_sees_their_learners_only()
    {
        var classe = await Classe.CreerAsync(factory);
        var annexe = await AnnexeAsync(factory, classe.Uai);
        var periode = await DeclarerAsync(classe.Ddftp, new { annexeId = annexe, type = "pfmp", debut = "2027-01-04", fin = "2027-01-29" });
        var id = periode.GetProperty("id").GetGuid();
        var email = $"claire.dupont.{Guid.NewGuid():N}@example.org";

        var lea = await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{id}/apprenants/{classe.Ids["Lea"]}", Fiche(email, siret: "7328 2932 0000 74"));
        var fiche = await lea.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, lea.StatusCode);
        Assert.Equal("73282932000074", fiche.GetProperty("entreprise").GetProperty("siret").GetString());
        var tuteur = fiche.GetProperty("tuteur").GetProperty("id").GetGuid();
        var creation = await factory.CourrielAsync(email, "Votre compte Cpro");
        Assert.Contains("Identifiant : ", creation, StringComparison.Ordinal);
        Assert.Contains("Lea MARTIN", await factory.CourrielAsync(email, "Lea MARTIN"), StringComparison.Ordinal);

        var hugo = await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{id}/apprenants/{classe.Ids["Hugo"]}", Fiche(email.ToUpperInvariant()));
        Assert.Equal(tuteur, (await hugo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tuteur").GetProperty("id").GetGuid());
        Assert.Contains("Vous suivez Hugo PETIT pendant « PFMP 1 — Câblage », du 04/01/2027 au 29/01/2027, en tant que tuteur.",
            await factory.CourrielAsync(email.ToUpperInvariant(), "Hugo PETIT"), StringComparison.Ordinal);

        using var client = await TuteurAsync(factory, email);
        var liste = Assert.Single((await client.GetFromJsonAsync<JsonElement[]>("/api/periodes/entreprise"))!);
        Assert.Equal(2, liste.GetProperty("apprenants").GetInt32());
        var vue = await client.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{id}");
        Assert.Equal(["Hugo", "Lea"], Prenoms(vue));
        Assert.Equal("Élec Services", vue.GetProperty("apprenants")[0].GetProperty("entreprise").GetProperty("nom").GetString());
        Assert.Equal(JsonValueKind.Null, vue.GetProperty("fichesRenseignees").ValueKind);
        Assert.False(vue.GetProperty("modifiable").GetBoolean());
        await (await client.PutAsJsonAsync($"/api/periodes/entreprise/{id}/apprenants/{classe.Ids["Ines"]}", Fiche(email))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_periode_employeur_names_a_maitre_d_apprentissage()
    {
        var classe = await Classe.CreerAsync(factory);
        await ApprentiAsync(factory, classe.Ids["Theo"]);
        var annexe = await AnnexeAsync(factory, classe.Uai, "Période employeur 1", pourApprentis: true);
        var periode = await DeclarerAsync(classe.Ddftp, new { annexeId = annexe, type = "periodeEmployeur", debut = "2027-01-04", fin = "2027-03-26" });
        var email = $"ma.{Guid.NewGuid():N}@example.org";

        var reponse = await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{periode.GetProperty("id").GetGuid()}/apprenants/{classe.Ids["Theo"]}", Fiche(email, nom: "BERNARD", prenom: "Marc"));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("en tant que maître d'apprentissage", await factory.CourrielAsync(email, "Theo MOREAU"), StringComparison.Ordinal);
        using var maitre = await TuteurAsync(factory, email);
        var vue = await maitre.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{periode.GetProperty("id").GetGuid()}");
        var theo = Assert.Single(vue.GetProperty("apprenants").EnumerateArray());
        Assert.Equal("BERNARD", theo.GetProperty("tuteur").GetProperty("nom").GetString());
        Assert.Equal("Marc", theo.GetProperty("tuteur").GetProperty("prenom").GetString());
    }

    [Fact]
    public async Task Siret_company_and_tutor_are_checked_before_any_account_is_made()
    {
        var classe = await Classe.CreerAsync(factory);
        var annexe = await AnnexeAsync(factory, classe.Uai);
        var periode = await DeclarerAsync(classe.Ddftp, new { annexeId = annexe, type = "pfmp", debut = "2027-01-04", fin = "2027-01-29" });
        var url = $"/api/periodes/entreprise/{periode.GetProperty("id").GetGuid()}/apprenants/{classe.Ids["Lea"]}";
        var email = $"tuteur.{Guid.NewGuid():N}@example.org";
        const string Message = "Le SIRET compte 14 chiffres et sa clé de contrôle doit être juste : vérifiez-le.";

        foreach (var faux in new[] { "73282932000075", "7328293200007", "7328293200007A", "35600000010001" })
        {
            var refus = await classe.Ddftp.PutAsJsonAsync(url, Fiche(email, siret: faux));
            Assert.Equal([Message], (await refus.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("entrepriseSiret"));
        }
        var incomplet = await classe.Ddftp.PutAsJsonAsync(url, new { entrepriseSiret = "73282932000074", tuteurEmail = "pas-une-adresse", tuteurTelephone = "appelez-moi" });
        var probleme = await incomplet.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Le nom de l'entreprise est obligatoire."], probleme.Errors("entrepriseNom"));
        Assert.Equal(["L'adresse de l'entreprise est obligatoire."], probleme.Errors("entrepriseAdresse"));
        Assert.Equal(["Le nom du tuteur ou du maître d'apprentissage est obligatoire."], probleme.Errors("tuteurNom"));
        Assert.Equal(["Le prénom du tuteur ou du maître d'apprentissage est obligatoire."], probleme.Errors("tuteurPrenom"));
        Assert.Equal(["L'adresse électronique n'est pas valide."], probleme.Errors("tuteurEmail"));
        Assert.Single(probleme.Errors("tuteurTelephone"));
        Assert.False(await CompteExisteAsync(factory, email));

        // La Poste's offices: the sum of the digits is a multiple of 5, not the Luhn sum.
        Assert.Equal(HttpStatusCode.OK, (await classe.Ddftp.PutAsJsonAsync(url, Fiche(email, siret: "35600000010000"))).StatusCode);
        Assert.True(await CompteExisteAsync(factory, email));
        var zoe = await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{periode.GetProperty("id").GetGuid()}/apprenants/{classe.Ids["Zoe"]}", Fiche(email));
        Assert.Equal("Cet apprenant n'est pas sur la période.", (await zoe.AssertProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString());
    }
}
