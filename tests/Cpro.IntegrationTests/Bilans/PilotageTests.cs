using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.Bilans.Domain;
using Cpro.Etablissements.Domain;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Periodes;
using Marten;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Bilans;

/// <summary>The console's indicators counted on a hand-built class, and reminders.</summary>
[Collection(CproCollection.Name)]
public sealed class PilotageTests(CproFactory factory)
{
    [Fact]
    public async Task The_indicators_count_finalised_bilans_missing_ones_leavers_company_periods_and_ines_on_a_hand_built_class()
    {
        using var c = await ClasseBilans.CreerAsync(factory);
        // 2MELEC1: Léa finalised, Hugo a draft, Inès nothing. 2MELEC2: Nina without INE, Théo gone. 1MELEC (Première): no period.
        await c.FinaliserAsync(await c.CommencerAsync());
        await c.CommencerAsync(c.Classe.Ids["Hugo"]);
        await c.Classe.ReimporterAsync(c.Classe.Inscrits.Where(e => e.Prenom != "Theo").Select(e => e.Prenom == "Nina" ? e with { Ine = null } : e));
        // A company period of this school year already over, Léa and Hugo on it, no bilan en entreprise finalised.
        var jour = (int j) => new DateOnly(AnneeCourante, 9, j).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await EntrepriseDonnees.DeclarerAsync(c.Ddftp, new
        {
            annexeId = await EntrepriseDonnees.AnnexeAsync(factory, c.Classe.Uai, "PFMP de rentrée"), type = "pfmp", debut = jour(1), fin = jour(2),
            referents = new[] { c.Classe.CompteId(c.Classe.Professeur) }, apprenants = new[] { c.Lea, c.Classe.Ids["Hugo"] },
        });

        var indicateurs = await c.Ddftp.GetFromJsonAsync<JsonElement>("/api/bilans/indicateurs");
        var divisions = indicateurs.GetProperty("divisions").EnumerateArray().ToDictionary(d => d.GetProperty("division").GetString()!);

        Assert.Equal(["1MELEC", "2MELEC1", "2MELEC2"], divisions.Keys);
        var melec1 = divisions["2MELEC1"];
        var s1 = melec1.GetProperty("periodes")[0];
        Assert.Equal(("Semestre 1", 1, 1, 3, 33), (s1.GetProperty("libelle").GetString(), s1.GetProperty("finalises").GetInt32(), s1.GetProperty("brouillons").GetInt32(),
            s1.GetProperty("attendus").GetInt32(), s1.GetProperty("pourcentage").GetInt32()));
        Assert.Equal(2, melec1.GetProperty("periodes").GetArrayLength());
        Assert.Equal(["Hugo PETIT", "Ines DURAND"], Noms(melec1, "sansBilanPeriodeCourante").Order());
        Assert.Empty(Noms(melec1, "partisSansBilan"));
        Assert.Equal(["Hugo PETIT — PFMP de rentrée", "Lea MARTIN — PFMP de rentrée"], Noms(melec1, "entrepriseSansBilan").Order());
        Assert.Empty(Noms(melec1, "sansIne"));
        var melec2 = divisions["2MELEC2"];
        Assert.Equal((0, 1), (melec2.GetProperty("periodes")[0].GetProperty("finalises").GetInt32(), melec2.GetProperty("periodes")[0].GetProperty("attendus").GetInt32()));
        Assert.Equal(["Theo MOREAU — Semestre 1"], Noms(melec2, "partisSansBilan"));
        Assert.Equal(["Nina LEROY"], Noms(melec2, "sansIne"));
        Assert.Empty(divisions["1MELEC"].GetProperty("periodes").EnumerateArray());

        // Filtered on a period: its figures only.
        var filtre = await c.Ddftp.GetFromJsonAsync<JsonElement>($"/api/bilans/indicateurs?periode={c.Semestre2}");
        Assert.All(filtre.GetProperty("divisions").EnumerateArray(), d => Assert.Equal("Semestre 2", Assert.Single(d.GetProperty("periodes").EnumerateArray()).GetProperty("libelle").GetString()));

        // The page: the figure, the chart's table, the lists.
        var page = WebUtility.HtmlDecode(await c.Ddftp.GetStringAsync("/bilans/console"));
        Assert.Contains("1 / 3 (33 %)", page, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"graphique\"", page, StringComparison.Ordinal);
        Assert.Contains("Part des bilans intermédiaires finalisés, par division et période commencée", page, StringComparison.Ordinal);
        Assert.Contains("<li>Theo MOREAU — Semestre 1</li>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_emails_the_divisions_teachers_the_missing_learners_is_listed_and_not_sent_twice_within_24_hours()
    {
        using var c = await ClasseBilans.CreerAsync(factory);
        await c.FinaliserAsync(await c.CommencerAsync());
        var etablissement = await factory.EtablissementIdAsync(c.Classe.Uai);
        var email = $"volta.{Guid.NewGuid():N}@example.org";
        await using (var session = factory.Documents(etablissement))
        {
            var compte = await session.LoadAsync<Utilisateur>(c.Classe.CompteId(c.Classe.Professeur));
            compte!.Email = email;
            session.Update(compte);
            await session.SaveChangesAsync();
        }
        var corps = new { division = "2MELEC1", periode = c.Semestre1 };

        var relance = await (await c.Ddftp.PostAsJsonAsync("/api/bilans/relances", corps)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Alessandro VOLTA"], relance.GetProperty("destinataires").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["Hugo PETIT", "Ines DURAND"], relance.GetProperty("apprenants").EnumerateArray().Select(d => d.GetString()).Order());
        var courriel = await factory.CourrielAsync(email, "Semestre 1");
        Assert.Contains("Hugo PETIT", courriel, StringComparison.Ordinal);
        Assert.DoesNotContain("Lea MARTIN", courriel, StringComparison.Ordinal);

        var deuxieme = await (await c.Ddftp.PostAsJsonAsync("/api/bilans/relances", corps)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("Personne à relancer pour 2MELEC1 : Alessandro VOLTA (déjà relancé(e) le ", deuxieme.GetProperty("detail").GetString());
        var listees = (await c.Ddftp.GetFromJsonAsync<JsonElement>("/api/bilans/indicateurs")).GetProperty("relances");
        Assert.Equal(relance.GetProperty("id").GetGuid(), Assert.Single(listees.EnumerateArray()).GetProperty("id").GetGuid());

        // 25 hours later, the same teacher is reminded again.
        await using (var session = factory.Documents(etablissement))
        {
            var premiere = await session.LoadAsync<Relance>(relance.GetProperty("id").GetGuid());
            session.Store(new Relance
            {
                Id = premiere!.Id, Division = premiere.Division, PeriodeId = premiere.PeriodeId, PeriodeLibelle = premiere.PeriodeLibelle, Le = premiere.Le.AddHours(-25),
                Par = premiere.Par, Destinataires = premiere.Destinataires, Apprenants = premiere.Apprenants,
            });
            await session.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await c.Ddftp.PostAsJsonAsync("/api/bilans/relances", corps)).StatusCode);

        var tous = await (await c.Ddftp.PostAsJsonAsync("/api/bilans/relances", new { division = "2MELEC1", periode = c.PfmpOfficielle }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("« PFMP A » n'est pas une période de bilan de la division 2MELEC1.", tous.GetProperty("detail").GetString());
        var vide = await (await c.Ddftp.PostAsJsonAsync("/api/bilans/relances", new { division = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Choisissez la division à relancer."], vide.Errors("division"));
        Assert.Equal(["Choisissez la période officielle."], vide.Errors("periode"));
        await (await c.Ddftp.PostAsJsonAsync("/api/bilans/relances", new { division = "9ZZZ", periode = c.Semestre1 })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static string[] Noms(JsonElement division, string liste) => [.. division.GetProperty(liste).EnumerateArray().Select(n => n.GetString()!)];
}
