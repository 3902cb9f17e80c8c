using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using static Cpro.IntegrationTests.Periodes.EntrepriseDonnees;

namespace Cpro.IntegrationTests.Periodes;

/// <summary>A company period after some of its learners left the level: Lea moved to 1MELEC (Première), Nina dropped
/// by the SIECLE re-import.</summary>
[Collection(CproCollection.Name)]
public sealed class EntrepriseDepartsTests(CproFactory factory)
{
    private static Task QuittentLeNiveauAsync(Classe classe) =>
        classe.ReimporterAsync(classe.Inscrits.Where(e => e.Prenom != "Nina").Select(e => e.Prenom == "Lea" ? e with { Division = "1MELEC" } : e));

    private static Task<HttpResponseMessage> ModifierAsync(Classe classe, JsonElement periode, string fin, Guid[]? apprenants = null, int? confirmation = null) =>
        classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{periode.GetProperty("id").GetGuid()}{(confirmation is { } n ? $"?confirmation={n}" : "")}", new
        {
            version = periode.GetProperty("version").GetUInt32(), titre = periode.GetProperty("titre").GetString(), debut = periode.GetProperty("debut").GetString(),
            fin, apprenants,
        });

    private static JsonElement Ligne(JsonElement periode, string prenom) =>
        periode.GetProperty("apprenants").EnumerateArray().Single(a => a.GetProperty("prenom").GetString() == prenom);

    [Fact]
    public async Task Learners_who_left_the_level_stay_on_the_period_with_their_entries_and_its_dates_can_still_be_edited()
    {
        var classe = await Classe.CreerAsync(factory);
        var annexe = await AnnexeAsync(factory, classe.Uai);
        var periode = await DeclarerAsync(classe.Ddftp, new
        {
            annexeId = annexe, type = "pfmp", debut = "2027-01-04", fin = "2027-01-29", apprenants = new[] { classe.Ids["Lea"], classe.Ids["Hugo"], classe.Ids["Nina"] },
        });
        var id = periode.GetProperty("id").GetGuid();
        (await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{id}/apprenants/{classe.Ids["Lea"]}", Fiche($"tuteur.{Guid.NewGuid():N}@example.org"))).EnsureSuccessStatusCode();
        await QuittentLeNiveauAsync(classe);

        var modifiee = await ModifierAsync(classe, periode, "2027-02-05");
        Assert.True(modifiee.IsSuccessStatusCode, await modifiee.Content.ReadAsStringAsync());
        Assert.Equal("2027-02-05", (await modifiee.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fin").GetString());
        var lue = await classe.Ddftp.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{id}");
        Assert.Equal(["Hugo", "Lea", "Nina"], Prenoms(lue));
        Assert.Equal((false, true, true), (Ligne(lue, "Hugo").GetProperty("horsNiveau").GetBoolean(), Ligne(lue, "Lea").GetProperty("horsNiveau").GetBoolean(),
            Ligne(lue, "Nina").GetProperty("horsNiveau").GetBoolean()));
        Assert.Equal("1MELEC", Ligne(lue, "Lea").GetProperty("division").GetString());
        Assert.Equal("Élec Services", Ligne(lue, "Lea").GetProperty("entreprise").GetProperty("nom").GetString());
        Assert.Equal(1, lue.GetProperty("fichesRenseignees").GetInt32());

        var page = await classe.Ddftp.GetStringAsync($"/periodes/entreprise/{id}");
        Assert.Equal(2, page.Split("a quitté le niveau").Length - 1);
        // The company is required; the tutor's fields are not marked where the DDFTP may pick an existing account instead.
        Obligatoires.AssertMarques(page, "Nom de l'entreprise", "SIRET (14 chiffres)", "Adresse de l'entreprise");
        Assert.DoesNotContain("Nom du tuteur <span", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Téléphone du tuteur <span", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learner_added_by_an_edit_must_still_be_of_the_level_even_one_who_left_it_after_being_taken_off()
    {
        var classe = await Classe.CreerAsync(factory);
        var annexe = await AnnexeAsync(factory, classe.Uai);
        var periode = await DeclarerAsync(classe.Ddftp, new
        {
            annexeId = annexe, type = "pfmp", debut = "2027-01-04", fin = "2027-01-29", apprenants = new[] { classe.Ids["Lea"], classe.Ids["Hugo"] },
        });
        await QuittentLeNiveauAsync(classe);

        var avecZoe = await ModifierAsync(classe, periode, "2027-01-29", [classe.Ids["Lea"], classe.Ids["Hugo"], classe.Ids["Zoe"]]);
        Assert.Equal("1 apprenant(s) choisi(s) ne sont pas du niveau Seconde de ce diplôme.",
            (await avecZoe.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var sansLea = await (await ModifierAsync(classe, periode, "2027-01-29", [classe.Ids["Hugo"]])).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Hugo"], Prenoms(sansLea));
        var retour = await ModifierAsync(classe, sansLea, "2027-01-29", [classe.Ids["Lea"], classe.Ids["Hugo"]]);
        Assert.Equal("1 apprenant(s) choisi(s) ne sont pas du niveau Seconde de ce diplôme.",
            (await retour.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Taking_off_a_learner_who_left_needs_the_count_of_their_filled_entries_confirmed()
    {
        var classe = await Classe.CreerAsync(factory);
        var annexe = await AnnexeAsync(factory, classe.Uai);
        var periode = await DeclarerAsync(classe.Ddftp, new
        {
            annexeId = annexe, type = "pfmp", debut = "2027-01-04", fin = "2027-01-29", apprenants = new[] { classe.Ids["Lea"], classe.Ids["Hugo"], classe.Ids["Nina"] },
        });
        var id = periode.GetProperty("id").GetGuid();
        (await classe.Ddftp.PutAsJsonAsync($"/api/periodes/entreprise/{id}/apprenants/{classe.Ids["Lea"]}", Fiche($"tuteur.{Guid.NewGuid():N}@example.org"))).EnsureSuccessStatusCode();
        await QuittentLeNiveauAsync(classe);

        Guid[] sansLea = [classe.Ids["Hugo"], classe.Ids["Nina"]];
        var sansConfirmation = await ModifierAsync(classe, periode, "2027-01-29", sansLea);
        Assert.Equal("Seront supprimés avec les apprenants retirés de la période : 1 fiche(s) renseignée(s), 0 fiche(s) activités, 0 entrée(s) du journal de bord, "
                     + "0 bilan(s) en entreprise. Confirmez la modification (confirmation=1).",
            (await sansConfirmation.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var confirmee = await ModifierAsync(classe, periode, "2027-01-29", sansLea, confirmation: 1);
        Assert.Equal(HttpStatusCode.OK, confirmee.StatusCode);
        var apres = await confirmee.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Hugo", "Nina"], Prenoms(apres));
        Assert.Equal(0, apres.GetProperty("fichesRenseignees").GetInt32());

        var sansNina = await ModifierAsync(classe, apres, "2027-01-29", [classe.Ids["Hugo"]]);
        Assert.Equal(["Hugo"], Prenoms(await sansNina.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(1, await AffectationsAsync(factory, id));
    }

    [Fact]
    public async Task The_overlap_rule_still_covers_the_learners_who_left_naming_them()
    {
        var classe = await Classe.CreerAsync(factory);
        var annexe = await AnnexeAsync(factory, classe.Uai, "PFMP 1");
        Guid[] apprenants = [classe.Ids["Lea"], classe.Ids["Hugo"], classe.Ids["Nina"]];
        var premiere = await DeclarerAsync(classe.Ddftp, new { annexeId = annexe, type = "pfmp", debut = "2027-01-04", fin = "2027-01-29", apprenants });
        await DeclarerAsync(classe.Ddftp, new { annexeId = annexe, type = "pfmp", titre = "PFMP 2", debut = "2027-02-08", fin = "2027-02-19", apprenants = new[] { classe.Ids["Lea"], classe.Ids["Nina"] } });
        await QuittentLeNiveauAsync(classe);

        var prolongee = await ModifierAsync(classe, premiere, "2027-02-12");
        var detail = (await prolongee.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!;
        Assert.Contains("Lea MARTIN est déjà en PFMP « PFMP 2 » du 08/02/2027 au 19/02/2027.", detail, StringComparison.Ordinal);
        Assert.Contains("Nina LEROY est déjà en PFMP « PFMP 2 » du 08/02/2027 au 19/02/2027.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Hugo", detail, StringComparison.Ordinal);
        var courte = await ModifierAsync(classe, premiere, "2027-02-05");
        Assert.Equal(["Hugo", "Lea", "Nina"], Prenoms(await courte.Content.ReadFromJsonAsync<JsonElement>()));
    }
}
