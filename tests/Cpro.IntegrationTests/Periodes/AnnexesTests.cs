using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Scenarios;
using Cpro.Periodes.Domain;
using Marten;
using static Cpro.IntegrationTests.Scenarios.ScenariosTests;

namespace Cpro.IntegrationTests.Periodes;

[Collection(CproCollection.Name)]
public sealed class AnnexesTests(CproFactory factory)
{
    internal static object Annexe(string titre = "Câbler un tableau en entreprise", string niveau = "SECONDE", bool pourApprentis = false,
        string[]? activites = null, string[]? taches = null, string referentiel = Classe.Referentiel) => new
    {
        referentiel, niveauClasse = niveau, titre, pourApprentis, objectifs = "Découvrir le câblage d'un tableau de distribution.",
        activites = activites ?? ["A1"], taches = taches ?? ["T1.2", "T2.5", "T5.2"],
    };

    internal static async Task<JsonElement> CreerAsync(HttpClient enseignant, object annexe)
    {
        var response = await enseignant.PostAsJsonAsync("/api/periodes/annexes", annexe);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static object Modification(uint version, string titre, bool pourApprentis = false) => new
    {
        version, titre, pourApprentis, objectifs = "Réaliser en autonomie.", activites = new[] { "A2" }, taches = new[] { "T2.3" },
    };

    [Fact]
    public async Task A_teacher_writes_an_annex_whose_tasks_bring_their_activities_in_the_referentiels_order()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);

        var annexe = await CreerAsync(professeur, Annexe(taches: ["T5.2", "T2.5", "T1.2"]));

        Assert.Equal(["A1", "A2", "A5"], Codes(annexe, "activites"));
        Assert.Equal(["T1.2", "T2.5", "T5.2"], Codes(annexe, "taches"));
        Assert.False(annexe.GetProperty("pourApprentis").GetBoolean());
        var lue = await classe.Ddftp.GetFromJsonAsync<JsonElement>($"/api/periodes/annexes/{annexe.GetProperty("id").GetGuid()}");
        Assert.Equal("Découvrir le câblage d'un tableau de distribution.", lue.GetProperty("objectifs").GetString());
        Assert.Equal("SECONDE", lue.GetProperty("niveauClasse").GetString());
    }

    [Fact]
    public async Task Bad_annexes_get_french_messages_and_nothing_is_written()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);

        var sansTitre = await professeur.PostAsJsonAsync("/api/periodes/annexes", Annexe(titre: " "));
        Assert.Equal(["Le titre de l'annexe est obligatoire."], (await sansTitre.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("titre"));
        var long_ = await professeur.PostAsJsonAsync("/api/periodes/annexes", Annexe(titre: new string('x', 201)));
        Assert.Equal(["Le titre ne doit pas dépasser 200 caractères."], (await long_.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("titre"));
        var sansNiveau = await professeur.PostAsJsonAsync("/api/periodes/annexes", Annexe(niveau: ""));
        Assert.Equal(["Choisissez le niveau de classe."], (await sansNiveau.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("niveauClasse"));
        var inconnus = await professeur.PostAsJsonAsync("/api/periodes/annexes", Annexe(activites: ["A1", "A9"], taches: ["T1.1", "T9.9"]));
        Assert.Equal("Codes inconnus du référentiel « Métiers de l’Électricité et de ses Environnements Connectés » : A9, T9.9.",
            (await inconnus.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var nonAbonne = await professeur.PostAsJsonAsync("/api/periodes/annexes", Annexe(referentiel: "BACPRO-CIEL"));
        Assert.Equal("L'établissement n'est pas abonné au diplôme BACPRO-CIEL.",
            (await nonAbonne.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        await (await professeur.PostAsJsonAsync("/api/periodes/annexes", Annexe(niveau: "TERMINALE"))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Empty((await professeur.GetFromJsonAsync<JsonElement[]>("/api/periodes/annexes"))!);
    }

    [Fact]
    public async Task Annexes_are_listed_per_level_and_tell_pupils_from_apprentices()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var decouverte = (await CreerAsync(professeur, Annexe("PFMP 1 — découverte"))).GetProperty("id").GetGuid();
        await CreerAsync(professeur, Annexe("Période employeur — réalisation", pourApprentis: true));
        await CreerAsync(professeur, Annexe("PFMP 3 — mise en service", niveau: "PREMIERE"));

        var seconde = (await professeur.GetFromJsonAsync<JsonElement[]>($"/api/periodes/annexes?referentiel={Classe.Referentiel}&niveau=SECONDE"))!;

        Assert.Equal(["PFMP 1 — découverte", "Période employeur — réalisation"], seconde.Select(a => a.GetProperty("titre").GetString()));
        Assert.Equal([false, true], seconde.Select(a => a.GetProperty("pourApprentis").GetBoolean()));
        Assert.Equal(3, (await classe.Ddftp.GetFromJsonAsync<JsonElement[]>("/api/periodes/annexes"))!.Length);

        var page = await professeur.GetStringAsync("/periodes/annexes");
        Assert.Contains("<span class=\"badge badge-eleves\">Élèves</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge badge-apprentis\">Apprentis</span>", page, StringComparison.Ordinal);
        Assert.Contains("— Seconde</h2>", page, StringComparison.Ordinal);
        Assert.Contains("— Première</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Créer une annexe pédagogique", page, StringComparison.Ordinal);
        var ddftp = await classe.Ddftp.GetStringAsync("/periodes/annexes");
        Assert.Contains("PFMP 3 — mise en service", ddftp, StringComparison.Ordinal);
        Assert.DoesNotContain("Dupliquer", ddftp, StringComparison.Ordinal);
        // The DDFTP opens an annex from the list: its tasks by their labels, and the declaration of a period from it.
        Assert.Contains($"<a href=\"/periodes/annexes/{decouverte}\">PFMP 1 — découverte</a>", WebUtility.HtmlDecode(ddftp), StringComparison.Ordinal);
        var fiche = WebUtility.HtmlDecode(await classe.Ddftp.GetStringAsync($"/periodes/annexes/{decouverte}"));
        Assert.Contains("<h1>PFMP 1 — découverte</h1>", fiche, StringComparison.Ordinal);
        Assert.Contains($"/periodes/entreprise/nouvelle?annexe={decouverte}&type=pfmp", fiche, StringComparison.Ordinal);
        Assert.Matches(@"<li>T\d\.\d \w", fiche);
    }

    [Fact]
    public async Task Any_teacher_edits_a_shared_annex_and_a_stale_copy_gets_409()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var collegue = await Classe.ClientAsync(factory, classe.Collegue);
        var annexe = await CreerAsync(professeur, Annexe());
        var id = annexe.GetProperty("id").GetGuid();
        var version = annexe.GetProperty("version").GetUInt32();

        var modifiee = await collegue.PutAsJsonAsync($"/api/periodes/annexes/{id}", Modification(version, "Réaliser un câblage", pourApprentis: true));
        Assert.Equal(HttpStatusCode.OK, modifiee.StatusCode);
        var lue = await modifiee.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["A2"], Codes(lue, "activites"));
        Assert.True(lue.GetProperty("pourApprentis").GetBoolean());
        Assert.NotEqual(version, lue.GetProperty("version").GetUInt32());

        var perimee = await professeur.PutAsJsonAsync($"/api/periodes/annexes/{id}", Modification(version, "Écrasée"));
        Assert.Equal("L'annexe « Réaliser un câblage » a été modifiée depuis que vous l'avez ouverte : rechargez-la avant d'enregistrer.",
            (await perimee.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var sansTitre = await professeur.PutAsJsonAsync($"/api/periodes/annexes/{id}", Modification(lue.GetProperty("version").GetUInt32(), ""));
        Assert.Equal(["Le titre de l'annexe est obligatoire."], (await sansTitre.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("titre"));
        Assert.Equal("Réaliser un câblage", (await professeur.GetFromJsonAsync<JsonElement>($"/api/periodes/annexes/{id}")).GetProperty("titre").GetString());
    }

    [Fact]
    public async Task A_duplicate_keeps_the_level_and_belongs_to_whoever_duplicated()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var collegue = await Classe.ClientAsync(factory, classe.Collegue);
        var source = await CreerAsync(professeur, Annexe(niveau: "PREMIERE", pourApprentis: true));

        var reponse = await collegue.PostAsync($"/api/periodes/annexes/{source.GetProperty("id").GetGuid()}/duplication", null);

        Assert.Equal(HttpStatusCode.Created, reponse.StatusCode);
        var copie = await reponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Copie de Câbler un tableau en entreprise", copie.GetProperty("titre").GetString());
        Assert.Equal("PREMIERE", copie.GetProperty("niveauClasse").GetString());
        Assert.True(copie.GetProperty("pourApprentis").GetBoolean());
        Assert.Equal(Codes(source, "taches"), Codes(copie, "taches"));
        Assert.NotEqual(source.GetProperty("auteurNom").GetString(), copie.GetProperty("auteurNom").GetString());
        Assert.Equal(2, (await professeur.GetFromJsonAsync<JsonElement[]>("/api/periodes/annexes?niveau=PREMIERE"))!.Length);
    }

    [Fact]
    public async Task Deleting_an_annex_keeps_the_periods_declared_from_it()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var annexe = await CreerAsync(professeur, Annexe());
        var id = annexe.GetProperty("id").GetGuid();
        Guid periode;
        var etablissement = await factory.EtablissementIdAsync(classe.Uai);
        await using (var session = factory.Documents(etablissement))
        {
            var source = await session.LoadAsync<AnnexePedagogique>(id);
            var declaree = new PeriodeEntreprise
            {
                AnnexeId = id, Type = TypePeriodeEntreprise.Pfmp, Referentiel = source!.Referentiel,
                NiveauClasse = source.NiveauClasse, Titre = source.Titre, Debut = new DateOnly(2027, 1, 4), Fin = new DateOnly(2027, 1, 29),
                Taches = source.Taches, CreePar = "test",
            };
            session.Insert(declaree);
            await session.SaveChangesAsync();
            periode = declaree.Id;
        }

        Assert.Equal(HttpStatusCode.NoContent, (await professeur.DeleteAsync($"/api/periodes/annexes/{id}")).StatusCode);

        await (await professeur.GetAsync($"/api/periodes/annexes/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await professeur.DeleteAsync($"/api/periodes/annexes/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await using (var session = factory.Documents(etablissement))
        {
            var conservee = (await session.LoadAsync<PeriodeEntreprise>(periode))!;
            Assert.Equal(id, conservee.AnnexeId);
            Assert.Equal(["T1.2", "T2.5", "T5.2"], conservee.Taches);
        }
    }

    [Fact]
    public async Task Only_teachers_write_the_team_reads_learners_do_not_and_another_establishment_sees_nothing()
    {
        var classe = await Classe.CreerAsync(factory);
        var autre = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);
        using var ailleurs = await Classe.ClientAsync(factory, autre.Professeur);
        var annexe = await CreerAsync(professeur, Annexe("Secret de l'équipe"));
        var id = annexe.GetProperty("id").GetGuid();
        var version = annexe.GetProperty("version").GetUInt32();

        await (await classe.Ddftp.PostAsJsonAsync("/api/periodes/annexes", Annexe())).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await classe.Ddftp.PutAsJsonAsync($"/api/periodes/annexes/{id}", Modification(version, "Par le DDFTP"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await classe.Ddftp.DeleteAsync($"/api/periodes/annexes/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await eleve.PostAsJsonAsync("/api/periodes/annexes", Annexe())).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await eleve.GetAsync("/api/periodes/annexes")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await eleve.GetAsync($"/api/periodes/annexes/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);

        await (await ailleurs.GetAsync($"/api/periodes/annexes/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ailleurs.PutAsJsonAsync($"/api/periodes/annexes/{id}", Modification(version, "Volée"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ailleurs.PostAsync($"/api/periodes/annexes/{id}/duplication", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ailleurs.DeleteAsync($"/api/periodes/annexes/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await ailleurs.GetFromJsonAsync<JsonElement[]>("/api/periodes/annexes"))!);
        Assert.DoesNotContain("Secret de l'équipe", await ailleurs.GetStringAsync("/periodes/annexes"), StringComparison.Ordinal);
        Assert.Contains("Annexe pédagogique introuvable.", await ailleurs.GetStringAsync($"/periodes/annexes/{id}/modifier"), StringComparison.Ordinal);
        Assert.Equal("Secret de l'équipe", (await professeur.GetFromJsonAsync<JsonElement>($"/api/periodes/annexes/{id}")).GetProperty("titre").GetString());
    }

    [Fact]
    public async Task The_annex_pages_render_for_teachers_and_ask_before_deleting()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);
        var id = (await CreerAsync(professeur, Annexe("Tableau de l'atelier"))).GetProperty("id").GetGuid();

        var confirmation = await professeur.GetStringAsync($"/periodes/annexes?supprimer={id}");
        Assert.Contains("Supprimer l'annexe « Tableau de l'atelier » ?", confirmation.Replace("&#x27;", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Les périodes déjà déclarées à partir de cette annexe sont conservées.", confirmation, StringComparison.Ordinal);
        Assert.Contains("Confirmer la suppression", confirmation, StringComparison.Ordinal);

        var nouvelle = await professeur.GetStringAsync($"/periodes/annexes/nouvelle?referentiel={Classe.Referentiel}&niveau=PREMIERE");
        Assert.Contains("Titre de l'annexe <span class=\"champ-obligatoire\" aria-hidden=\"true\">*</span>", nouvelle.Replace("&#x27;", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("pour des apprentis ?", nouvelle, StringComparison.Ordinal);
        Assert.Contains("Activités prévues en entreprise", nouvelle, StringComparison.Ordinal);
        Assert.Contains("<option value=\"PREMIERE\" selected", nouvelle, StringComparison.Ordinal);
        Assert.Contains("name=\"taches\" value=\"T2.3\"", nouvelle, StringComparison.Ordinal);

        var modification = await professeur.GetStringAsync($"/periodes/annexes/{id}/modifier");
        Assert.Contains("value=\"T1.2\" checked", modification, StringComparison.Ordinal);
        Assert.Contains("Niveau de classe : <strong>Seconde</strong>", modification, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await eleve.GetAsync("/periodes/annexes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await classe.Ddftp.GetAsync("/periodes/annexes/nouvelle")).StatusCode);
    }
}
