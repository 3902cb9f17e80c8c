using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Kernel.Identity;
using Cpro.IntegrationTests.Periodes;
using static Cpro.IntegrationTests.Periodes.OfficiellesTests;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Bilans;

[Collection(CproCollection.Name)]
public sealed class ConsoleTests(CproFactory factory)
{
    private const string Periodes = "Saisie des dates des périodes officielles";
    private const string Echeances = "Saisie des dates limites de certification";
    private const string Lsl = "Saisie des périodes LSL";
    private const string Melec = "Métiers de l’Électricité et de ses Environnements Connectés";

    private static async Task<Dictionary<string, JsonElement>> EtapesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/bilans/console")).GetProperty("etapes").EnumerateArray()
        .ToDictionary(e => e.GetProperty("titre").GetString()!);

    private static bool Faite(Dictionary<string, JsonElement> etapes, string titre) => etapes[titre].GetProperty("faite").GetBoolean();

    private static string[] Manquants(Dictionary<string, JsonElement> etapes, string titre) =>
        [.. etapes[titre].GetProperty("manquants").EnumerateArray().Select(m => m.GetString()!)];

    [Fact]
    public async Task A_new_establishment_has_every_step_to_do()
    {
        var uai = await factory.CreerEtablissementAsync();
        using var ddftp = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Ddftp));

        var etapes = await EtapesAsync(ddftp);

        Assert.Equal(["Abonnement", "Importation des données", Periodes, Lsl, Echeances], etapes.Keys);
        Assert.All(etapes.Values, e => Assert.False(e.GetProperty("faite").GetBoolean()));
        Assert.Equal("Aucune classe abonnée : commencez par l'abonnement.", etapes[Periodes].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_period_steps_are_done_once_every_subscribed_level_has_its_periods_for_the_current_year()
    {
        var classe = await Classe.CreerAsync(factory);

        var avant = await EtapesAsync(classe.Ddftp);
        Assert.True(Faite(avant, "Abonnement"));
        Assert.True(Faite(avant, "Importation des données"));
        Assert.Equal("6 apprenant(s) importé(s).", avant["Importation des données"].GetProperty("detail").GetString());
        Assert.False(Faite(avant, Periodes));
        Assert.Equal([$"{Melec} — Seconde", $"{Melec} — Première"], Manquants(avant, Periodes));

        (await EnregistrerAsync(classe.Ddftp, "SECONDE", Calendrier(AnneeCourante), AnneeCourante)).EnsureSuccessStatusCode();
        // Another year's periods do not count for this one.
        (await EnregistrerAsync(classe.Ddftp, "PREMIERE", Calendrier(AnneeCourante + 1), AnneeCourante + 1)).EnsureSuccessStatusCode();
        var seconde = await EtapesAsync(classe.Ddftp);
        Assert.Equal([$"{Melec} — Première"], Manquants(seconde, Periodes));
        Assert.Equal([$"{Melec} — Première"], Manquants(seconde, Echeances));

        // Première: semesters but no deadline yet.
        (await EnregistrerAsync(classe.Ddftp, "PREMIERE",
            [Periode("semestre", "Semestre 1", $"{AnneeCourante}-09-01", $"{AnneeCourante + 1}-01-31")], AnneeCourante)).EnsureSuccessStatusCode();
        var apres = await EtapesAsync(classe.Ddftp);
        Assert.True(Faite(apres, Periodes));
        Assert.Empty(Manquants(apres, Periodes));
        Assert.False(Faite(apres, Echeances));

        (await EnregistrerAsync(classe.Ddftp, "PREMIERE",
        [
            Periode("semestre", "Semestre 1", $"{AnneeCourante}-09-01", $"{AnneeCourante + 1}-01-31"),
            Periode("echeanceCertification", "Date limite U2", $"{AnneeCourante + 1}-06-01"),
        ], AnneeCourante)).EnsureSuccessStatusCode();
        var toutes = await EtapesAsync(classe.Ddftp);
        Assert.All(toutes.Where(e => e.Key != Lsl).Select(e => e.Value), e => Assert.True(e.GetProperty("faite").GetBoolean()));
        // Nothing in Cpro knows the LSL yet: said so, never shown done.
        Assert.Equal("indisponible", toutes[Lsl].GetProperty("etat").GetString());
        Assert.Equal([Melec], Manquants(toutes, Lsl));
    }

    [Fact]
    public async Task Only_the_ddftp_and_the_head_open_the_console_and_its_page_says_each_steps_state_in_words()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var chef = await factory.ClientAsync(await factory.CreerUtilisateurAsync(classe.Uai, Profils.ChefEtablissement));
        (await EnregistrerAsync(classe.Ddftp, "SECONDE", Calendrier(AnneeCourante), AnneeCourante)).EnsureSuccessStatusCode();

        await (await professeur.GetAsync("/api/bilans/console")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await professeur.GetAsync("/bilans/console")).StatusCode);
        Assert.Equal(5, (await EtapesAsync(chef)).Count);

        var page = await classe.Ddftp.GetStringAsync("/bilans/console");
        Assert.Contains("<h1>Console de pilotage</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Terminée</span> Abonnement", page, StringComparison.Ordinal);
        Assert.Contains("Pas encore disponible</span> Saisie des périodes LSL", page, StringComparison.Ordinal);
        Assert.Contains($"À faire</span> {Periodes}", page, StringComparison.Ordinal);
        Assert.Contains($"<li>{Melec} — Première</li>", page, StringComparison.Ordinal);
        Assert.Contains("2 étape(s) sur 5 terminée(s)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_module_page_links_to_the_pages_of_the_users_profile()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);

        var ddftp = await classe.Ddftp.GetStringAsync("/periodes");
        Assert.Contains("href=\"/bilans/console\"", await classe.Ddftp.GetStringAsync("/bilans"), StringComparison.Ordinal);
        Assert.Contains("href=\"/periodes/officielles\"", ddftp, StringComparison.Ordinal);
        Assert.DoesNotContain("Fonctionnalités à venir", ddftp, StringComparison.Ordinal);
        var enseignant = await professeur.GetStringAsync("/periodes");
        Assert.Contains("href=\"/periodes/annexes\"", enseignant, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/bilans/console\"", await professeur.GetStringAsync("/bilans"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/periodes/annexes\"", await eleve.GetStringAsync("/periodes"), StringComparison.Ordinal);
    }
}
