using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using static Cpro.IntegrationTests.Scenarios.ScenariosTests;

namespace Cpro.IntegrationTests.Scenarios;

[Collection(CproCollection.Name)]
public sealed class EvaluationsTests(CproFactory factory)
{
    [Fact]
    public async Task A_grid_holds_the_learners_of_the_level_by_default_and_only_them()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);
        var id = (await CreerAsync(professeur, Scenario())).GetProperty("id").GetGuid();

        var niveau = (await professeur.GetFromJsonAsync<JsonElement[]>($"/api/scenarios/{id}/apprenants"))!;
        Assert.Equal(["Hugo", "Ines", "Lea", "Nina", "Theo"], niveau.Select(a => a.GetProperty("prenom").GetString()).Order());
        var tous = await professeur.PostAsJsonAsync($"/api/scenarios/{id}/evaluations", new { date = "2026-10-05" });
        var evaluation = await tous.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, tous.StatusCode);
        Assert.Equal(5, evaluation.GetProperty("apprenants").GetInt32());
        var grille = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/evaluations/{evaluation.GetProperty("id").GetGuid()}");
        Assert.Contains("C1", grille.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));

        var criteres = await professeur.PostAsJsonAsync($"/api/scenarios/{id}/evaluations", new { date = "2026-10-06", mode = "criteres", apprenants = new[] { classe.Ids["Lea"] } });
        var parCriteres = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/evaluations/{(await criteres.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}");
        Assert.Equal(["C1.1", "C1.2", "C2.1"], parCriteres.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        Assert.Equal("MARTIN", Assert.Single(parCriteres.GetProperty("apprenants").EnumerateArray()).GetProperty("nom").GetString());

        var premiere = await professeur.PostAsJsonAsync($"/api/scenarios/{id}/evaluations", new { date = "2026-10-05", apprenants = new[] { classe.Ids["Zoe"] } });
        Assert.Contains("ne sont pas du niveau Seconde de ce diplôme", (await premiere.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var aucun = await professeur.PostAsJsonAsync($"/api/scenarios/{id}/evaluations", new { date = "2026-10-05", apprenants = Array.Empty<Guid>() });
        Assert.Equal("Choisissez au moins un apprenant.", (await aucun.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var sansDate = await professeur.PostAsJsonAsync($"/api/scenarios/{id}/evaluations", new { mode = "competences" });
        Assert.Equal(["La date de l'évaluation est obligatoire."], (await sansDate.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("date"));
        await (await eleve.PostAsJsonAsync($"/api/scenarios/{id}/evaluations", new { date = "2026-10-05" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_save_is_atomic_and_a_stale_save_gets_409_naming_what_changed_and_loses_nothing()
    {
        var (classe, evaluation) = await EvaluationAsync();
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var collegue = await Classe.ClientAsync(factory, classe.Collegue);
        var lea = classe.Ids["Lea"];
        var hugo = classe.Ids["Hugo"];

        var premier = await professeur.PutAsJsonAsync($"/api/scenarios/evaluations/{evaluation}/grille", new
        {
            versionGrille = 0, cellules = new[] { Cellule(lea, "C1", "3", "Câblage soigné"), Cellule(hugo, "C1", "ABS") },
        });
        Assert.Equal(1, (await premier.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versionGrille").GetInt32());

        var second = await collegue.PutAsJsonAsync($"/api/scenarios/evaluations/{evaluation}/grille", new
        {
            versionGrille = 0, cellules = new[] { Cellule(lea, "C1", "1"), Cellule(hugo, "C2", "2") },
        });
        var detail = (await second.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!;
        Assert.Contains("Lea MARTIN – C1 : 3 Maîtrisé", detail, StringComparison.Ordinal);
        Assert.Contains("Hugo PETIT – C1 : Absent", detail, StringComparison.Ordinal);

        var invalide = await professeur.PutAsJsonAsync($"/api/scenarios/evaluations/{evaluation}/grille", new
        {
            versionGrille = 1, cellules = new[] { Cellule(hugo, "C2", "2"), Cellule(lea, "C1", "5") },
        });
        await invalide.AssertProblemAsync(HttpStatusCode.BadRequest);
        var horsGrille = await professeur.PutAsJsonAsync($"/api/scenarios/evaluations/{evaluation}/grille", new
        {
            versionGrille = 1, cellules = new[] { Cellule(hugo, "C2", "2"), Cellule(classe.Ids["Zoe"], "C1", "3") },
        });
        await horsGrille.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        var grille = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/evaluations/{evaluation}");
        Assert.Equal(1, grille.GetProperty("versionGrille").GetInt32());
        var cellules = grille.GetProperty("cellules").EnumerateArray().ToList();
        Assert.Equal(2, cellules.Count);
        var celluleLea = cellules.Single(c => c.GetProperty("apprenant").GetGuid() == lea);
        Assert.Equal("3", celluleLea.GetProperty("valeur").GetString());
        Assert.Equal("Câblage soigné", celluleLea.GetProperty("commentaire").GetString());
    }

    [Fact]
    public async Task Filling_a_column_or_a_row_gives_its_empty_cells_the_level_and_changes_no_other_cell()
    {
        var (classe, evaluation) = await EvaluationAsync();
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var (lea, hugo, ines, nina, theo) = (classe.Ids["Lea"], classe.Ids["Hugo"], classe.Ids["Ines"], classe.Ids["Nina"], classe.Ids["Theo"]);
        var url = $"/api/scenarios/evaluations/{evaluation}/grille";
        (await professeur.PutAsJsonAsync(url, new
        {
            versionGrille = 0, cellules = new[] { Cellule(lea, "C1", "1"), Cellule(hugo, "C1", "ABS"), Cellule(ines, "C1", "NE", "Arrivée en retard") },
        })).EnsureSuccessStatusCode();

        // Column C1 filled with 3 while Nina's C1, just typed, is sent along: only Ines's and Theo's are still empty.
        var colonne = await professeur.PutAsJsonAsync(url, new { versionGrille = 1, cellules = new[] { Cellule(nina, "C1", "2") }, remplir = new { item = "C1", valeur = "3" } });
        Assert.Equal(3, (await colonne.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("modifiees").GetInt32());
        var grille = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/evaluations/{evaluation}");
        var items = grille.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        Assert.Equal(new Dictionary<(Guid, string), string> { [(lea, "C1")] = "1", [(hugo, "C1")] = "ABS", [(ines, "C1")] = "3", [(nina, "C1")] = "2", [(theo, "C1")] = "3" },
            Valeurs(grille));
        Assert.Equal("Arrivée en retard", grille.GetProperty("cellules").EnumerateArray()
            .Single(c => c.GetProperty("apprenant").GetGuid() == ines).GetProperty("commentaire").GetString());

        // Theo's row, absent: every item but C1, already given.
        var ligne = await professeur.PutAsJsonAsync(url, new { versionGrille = 2, cellules = Array.Empty<object>(), remplir = new { apprenant = theo, valeur = "ABS" } });
        Assert.Equal(items.Count - 1, (await ligne.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("modifiees").GetInt32());
        grille = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/evaluations/{evaluation}");
        Assert.Equal(["3", .. Enumerable.Repeat("ABS", items.Count - 1)], items.Select(i => Valeurs(grille)[(theo, i)]));
        Assert.Equal(5 + items.Count - 1, Valeurs(grille).Count);

        // From an older version: the 409 as for any save, and nothing filled.
        var perime = await professeur.PutAsJsonAsync(url, new { versionGrille = 2, cellules = Array.Empty<object>(), remplir = new { item = "C2", valeur = "4" } });
        Assert.Contains("La grille a été enregistrée par quelqu'un d'autre", (await perime.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(),
            StringComparison.Ordinal);
        var deux = await professeur.PutAsJsonAsync(url, new { versionGrille = 3, cellules = Array.Empty<object>(), remplir = new { item = "C2", apprenant = lea, valeur = "4" } });
        Assert.Equal(["Choisissez la colonne ou la ligne à remplir."], (await deux.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("remplir"));
        var nonEvalue = await professeur.PutAsJsonAsync(url, new { versionGrille = 3, cellules = Array.Empty<object>(), remplir = new { item = "C2", valeur = "NE" } });
        Assert.Equal(["Remplissez avec un degré de 1 à 4 ou ABS (absent)."], (await nonEvalue.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors("remplir"));
        var ailleurs = await professeur.PutAsJsonAsync(url, new { versionGrille = 3, cellules = Array.Empty<object>(), remplir = new { item = "C9.9", valeur = "4" } });
        Assert.Equal("La colonne C9.9 n'est pas dans cette grille.", (await ailleurs.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        grille = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/evaluations/{evaluation}");
        Assert.Equal(3, grille.GetProperty("versionGrille").GetInt32());
    }

    [Fact]
    public async Task Two_saves_from_the_same_version_at_the_same_time_one_wins_the_other_gets_409()
    {
        var (classe, evaluation) = await EvaluationAsync();
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var collegue = await Classe.ClientAsync(factory, classe.Collegue);

        var reponses = await Task.WhenAll(
            professeur.PutAsJsonAsync($"/api/scenarios/evaluations/{evaluation}/grille", new { versionGrille = 0, cellules = new[] { Cellule(classe.Ids["Lea"], "C1", "4") } }),
            collegue.PutAsJsonAsync($"/api/scenarios/evaluations/{evaluation}/grille", new { versionGrille = 0, cellules = new[] { Cellule(classe.Ids["Lea"], "C1", "1") } }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], reponses.Select(r => r.StatusCode).Order());
        var gagnant = reponses.Single(r => r.StatusCode == HttpStatusCode.OK) == reponses[0] ? "4" : "1";
        var grille = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/evaluations/{evaluation}");
        Assert.Equal(gagnant, Assert.Single(grille.GetProperty("cellules").EnumerateArray()).GetProperty("valeur").GetString());
    }

    [Fact]
    public async Task The_dashboard_shows_every_positioning_and_the_level_the_establishment_rule_makes_of_them()
    {
        var (classe, premiere) = await EvaluationAsync("2026-10-05");
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var scenario = (await professeur.GetFromJsonAsync<JsonElement[]>("/api/scenarios"))![0].GetProperty("id").GetGuid();
        var seconde = (await (await professeur.PostAsJsonAsync($"/api/scenarios/{scenario}/evaluations", new { date = "2026-11-09", mode = "criteres" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var lea = classe.Ids["Lea"];
        (await professeur.PutAsJsonAsync($"/api/scenarios/evaluations/{premiere}/grille", new { versionGrille = 0, cellules = new[] { Cellule(lea, "C1", "4"), Cellule(lea, "C2", "2") } })).EnsureSuccessStatusCode();
        (await professeur.PutAsJsonAsync($"/api/scenarios/evaluations/{seconde}/grille", new { versionGrille = 0, cellules = new[] { Cellule(lea, "C1.1", "2"), Cellule(lea, "C1.2", "2", "À revoir") } })).EnsureSuccessStatusCode();
        using var eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);

        var tableau = await eleve.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{lea}");
        var c1 = Competence(tableau, "C1");
        Assert.Equal(3, c1.GetProperty("positionnements").GetArrayLength());
        Assert.Equal("2", c1.GetProperty("synthese").GetString());
        Assert.Equal("Dernier des 3 positionnements, le 09/11/2026 : 2 Insuffisamment maîtrisé.", c1.GetProperty("explication").GetString());
        Assert.Equal("plusRecent", tableau.GetProperty("regle").GetString());

        (await classe.Ddftp.PutAsJsonAsync("/api/scenarios/suivi/regle", new { regle = "meilleur" })).EnsureSuccessStatusCode();
        Assert.Equal("4", Competence(await eleve.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{lea}"), "C1").GetProperty("synthese").GetString());
        (await classe.Ddftp.PutAsJsonAsync("/api/scenarios/suivi/regle", new { regle = "moyenneArrondie" })).EnsureSuccessStatusCode();
        // (4 + 2 + 2) / 3 = 2.67 → 3.
        Assert.Equal("3", Competence(await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{lea}"), "C1").GetProperty("synthese").GetString());
        await (await professeur.PutAsJsonAsync("/api/scenarios/suivi/regle", new { regle = "meilleur" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await classe.Ddftp.PutAsJsonAsync("/api/scenarios/suivi/regle", new { regle = "median" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        var b1 = await eleve.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{lea}?bloc=B1");
        Assert.All(b1.GetProperty("referentiels")[0].GetProperty("competences").EnumerateArray(),
            c => Assert.Contains("B1", c.GetProperty("blocs").EnumerateArray().Select(b => b.GetString())));
    }

    [Fact]
    public async Task The_overview_counts_the_competences_at_each_degree_per_bloc_and_at_the_end_of_each_month()
    {
        var (classe, premiere) = await EvaluationAsync("2026-10-05");
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var scenario = (await professeur.GetFromJsonAsync<JsonElement[]>("/api/scenarios"))![0].GetProperty("id").GetGuid();
        var seconde = (await (await professeur.PostAsJsonAsync($"/api/scenarios/{scenario}/evaluations", new { date = "2026-12-14", mode = "criteres" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var lea = classe.Ids["Lea"];
        (await professeur.PutAsJsonAsync($"/api/scenarios/evaluations/{premiere}/grille", new { versionGrille = 0, cellules = new[] { Cellule(lea, "C1", "4"), Cellule(lea, "C2", "2") } })).EnsureSuccessStatusCode();
        (await professeur.PutAsJsonAsync($"/api/scenarios/evaluations/{seconde}/grille", new { versionGrille = 0, cellules = new[] { Cellule(lea, "C1.1", "1") } })).EnsureSuccessStatusCode();
        using var eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);

        var tableau = await eleve.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{lea}");
        var referentiel = tableau.GetProperty("referentiels")[0];

        // The most recent positioning: C1 4 then 2 (October), 4 in November, 1 in December; C2 2 from October on; 13 competences.
        var mois = referentiel.GetProperty("parMois").EnumerateArray()
            .Select(m => (m.GetProperty("mois").GetString(), Effectifs(m.GetProperty("effectifs")))).ToList();
        Assert.Equal([("2026-10-01", (11, 0, 1, 0, 1)), ("2026-11-01", (11, 0, 1, 0, 1)), ("2026-12-01", (11, 1, 1, 0, 0))], mois);
        var blocsDe = Competences(tableau).ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("blocs").EnumerateArray().Select(b => b.GetString()!).ToList());
        foreach (var bloc in referentiel.GetProperty("parBloc").EnumerateArray())
        {
            var code = bloc.GetProperty("code").GetString()!;
            var siennes = blocsDe.Where(c => c.Value.Contains(code)).Select(c => c.Key).ToList();
            int Compte(string competence) => siennes.Contains(competence) ? 1 : 0;
            Assert.Equal((siennes.Count - Compte("C1") - Compte("C2"), Compte("C1"), Compte("C2"), 0, 0), Effectifs(bloc.GetProperty("effectifs")));
        }
        var page = await eleve.GetStringAsync($"/suivi/{lea}");
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("Nombre de compétences de chaque bloc à chaque degré de maîtrise", page, StringComparison.Ordinal);
        Assert.Contains("Le critère C1.1 : ", page, StringComparison.Ordinal);
    }

    private static (int, int, int, int, int) Effectifs(JsonElement e) => (e.GetProperty("nonEvalue").GetInt32(), e.GetProperty("degre1").GetInt32(),
        e.GetProperty("degre2").GetInt32(), e.GetProperty("degre3").GetInt32(), e.GetProperty("degre4").GetInt32());

    [Fact]
    public async Task The_synthesis_gives_each_competence_the_dashboards_level_and_how_many_positionings_it_comes_from()
    {
        var (classe, premiere) = await EvaluationAsync("2026-10-05");
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var lea = classe.Ids["Lea"];
        (await professeur.PutAsJsonAsync($"/api/scenarios/evaluations/{premiere}/grille",
            new { versionGrille = 0, cellules = new[] { Cellule(lea, "C1", "4"), Cellule(lea, "C2", "2") } })).EnsureSuccessStatusCode();
        using var eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);
        (await classe.Ddftp.PutAsJsonAsync("/api/scenarios/suivi/regle", new { regle = "meilleur" })).EnsureSuccessStatusCode();

        var synthese = await eleve.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{lea}/synthese");
        var tableau = await eleve.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{lea}");

        Assert.Equal(("meilleur", "Lea"), (synthese.GetProperty("regle").GetString(), synthese.GetProperty("apprenant").GetProperty("prenom").GetString()));
        var competences = synthese.GetProperty("referentiels")[0].GetProperty("competences").EnumerateArray().ToList();
        Assert.Equal(Competences(tableau).Select(c => c.GetProperty("code").GetString()), competences.Select(c => c.GetProperty("code").GetString()));
        foreach (var competence in competences)
        {
            var detail = Competence(tableau, competence.GetProperty("code").GetString()!);
            Assert.Equal(detail.GetProperty("synthese").GetString(), competence.GetProperty("niveau").GetString());
            Assert.Equal(detail.GetProperty("explication").GetString(), competence.GetProperty("explication").GetString());
            Assert.Equal(detail.GetProperty("positionnements").GetArrayLength(), competence.GetProperty("positionnements").GetInt32());
        }
        var c1 = competences.Single(c => c.GetProperty("code").GetString() == "C1");
        Assert.Equal(("4", "4 Bien maîtrisé", 1), (c1.GetProperty("niveau").GetString(), c1.GetProperty("niveauLibelle").GetString(), c1.GetProperty("positionnements").GetInt32()));
    }

    [Fact]
    public async Task The_synthesis_is_read_by_whoever_reads_the_dashboard_and_nobody_else()
    {
        var (classe, _) = await EvaluationAsync();
        var lea = classe.Ids["Lea"];
        using var eleve = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);
        using var hugo = await Classe.ClientAsync(factory, classe.Apprenants["Hugo"]);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var autre = await Classe.CreerAsync(factory);
        using var ailleurs = await Classe.ClientAsync(factory, autre.Professeur);
        using var tuteur = await factory.ClientAsync(await factory.CreerUtilisateurAsync(classe.Uai, Profils.Tuteur));
        var route = $"/api/scenarios/suivi/apprenants/{lea}/synthese";

        foreach (var client in new[] { eleve, professeur, classe.Ddftp })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(route)).StatusCode);
        }
        foreach (var client in new[] { hugo, ailleurs, tuteur })
        {
            await (await client.GetAsync(route)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_learner_sees_only_themselves_and_a_teacher_their_classes_and_evaluated_learners()
    {
        var (classe, evaluation) = await EvaluationAsync();
        using var lea = await Classe.ClientAsync(factory, classe.Apprenants["Lea"]);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var collegue = await Classe.ClientAsync(factory, classe.Collegue);
        var autre = await Classe.CreerAsync(factory);
        using var ailleurs = await Classe.ClientAsync(factory, autre.Professeur);

        await (await lea.GetAsync($"/api/scenarios/suivi/apprenants/{classe.Ids["Hugo"]}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await lea.GetAsync($"/api/scenarios/suivi/apprenants/{classe.Ids["Lea"]}")).StatusCode);
        Assert.Single((await lea.GetFromJsonAsync<JsonElement[]>("/api/scenarios/suivi/apprenants"))!);

        // The teacher of 2MELEC1 follows its learners and those of 2MELEC2 they evaluated, not Première's.
        var suivis = (await professeur.GetFromJsonAsync<JsonElement[]>("/api/scenarios/suivi/apprenants"))!.Select(a => a.GetProperty("prenom").GetString()).Order();
        Assert.Equal(["Hugo", "Ines", "Lea", "Nina", "Theo"], suivis);
        await (await professeur.GetAsync($"/api/scenarios/suivi/apprenants/{classe.Ids["Zoe"]}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        // A colleague without classes follows whom they evaluate.
        var scenario = (await CreerAsync(collegue, Scenario("Du collègue"))).GetProperty("id").GetGuid();
        (await collegue.PostAsJsonAsync($"/api/scenarios/{scenario}/evaluations", new { date = "2026-10-05", apprenants = new[] { classe.Ids["Nina"] } })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await collegue.GetAsync($"/api/scenarios/suivi/apprenants/{classe.Ids["Nina"]}")).StatusCode);
        await (await collegue.GetAsync($"/api/scenarios/suivi/apprenants/{classe.Ids["Lea"]}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        // The DDFTP follows everyone; another establishment nobody.
        Assert.Equal(6, (await classe.Ddftp.GetFromJsonAsync<JsonElement[]>("/api/scenarios/suivi/apprenants"))!.Length);
        await (await ailleurs.GetAsync($"/api/scenarios/suivi/apprenants/{classe.Ids["Lea"]}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ailleurs.GetAsync($"/api/scenarios/evaluations/{evaluation}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ailleurs.PutAsJsonAsync($"/api/scenarios/evaluations/{evaluation}/grille", new { versionGrille = 0, cellules = new[] { Cellule(classe.Ids["Lea"], "C1", "1") } }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await lea.PutAsJsonAsync($"/api/scenarios/evaluations/{evaluation}/grille", new { versionGrille = 0, cellules = new[] { Cellule(classe.Ids["Lea"], "C1", "4") } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Before_any_evaluation_a_teacher_follows_the_learners_of_their_classes()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);

        var suivis = (await professeur.GetFromJsonAsync<JsonElement[]>("/api/scenarios/suivi/apprenants"))!.Select(a => a.GetProperty("prenom").GetString()).Order();

        Assert.Equal(["Hugo", "Ines", "Lea"], suivis);
        await (await professeur.GetAsync($"/api/scenarios/suivi/apprenants/{classe.Ids["Nina"]}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var vide = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/suivi/apprenants/{classe.Ids["Lea"]}");
        Assert.Empty(vide.GetProperty("referentiels").EnumerateArray());
    }

    private async Task<(Classe Classe, Guid Evaluation)> EvaluationAsync(string date = "2026-10-05")
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var id = (await CreerAsync(professeur, Scenario())).GetProperty("id").GetGuid();
        var response = await professeur.PostAsJsonAsync($"/api/scenarios/{id}/evaluations", new { date });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (classe, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private static object Cellule(Guid apprenant, string item, string valeur, string? commentaire = null) => new { apprenant, item, valeur, commentaire };

    private static Dictionary<(Guid, string), string> Valeurs(JsonElement grille) => grille.GetProperty("cellules").EnumerateArray()
        .ToDictionary(c => (c.GetProperty("apprenant").GetGuid(), c.GetProperty("item").GetString()!), c => c.GetProperty("valeur").GetString()!);

    private static JsonElement Competence(JsonElement tableau, string code) => Competences(tableau).Single(c => c.GetProperty("code").GetString() == code);

    private static JsonElement.ArrayEnumerator Competences(JsonElement tableau) => tableau.GetProperty("referentiels")[0].GetProperty("competences").EnumerateArray();
}
