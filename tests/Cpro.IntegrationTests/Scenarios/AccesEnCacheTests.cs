using System.Net;
using System.Net.Http.Json;
using Cpro.IntegrationTests.Infrastructure;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Scenarios;

/// <summary>Who may follow whom is kept briefly by Etablissements (StructuresEnCache): an import that gives a teacher a
/// class counts at the next request, whether it changes documents through the session or copies new ones in.</summary>
[Collection(CproCollection.Name)]
public sealed class AccesEnCacheTests(CproFactory factory)
{
    [Fact]
    public async Task A_teacher_given_a_new_group_of_the_class_by_an_import_follows_its_learners_at_once()
    {
        var classe = await Classe.CreerAsync(factory);
        using var collegue = await Classe.ClientAsync(factory, classe.Collegue);
        var lea = $"/api/scenarios/suivi/apprenants/{classe.Ids["Lea"]}";
        await (await collegue.GetAsync(lea)).AssertProblemAsync(HttpStatusCode.Forbidden);

        // AMPERE (901) teaches a new group drawn from 2MELEC1: a new structure, written by the import's binary copy.
        var sts = Sts(classe.Uai, [new Individu("900", "VOLTA", "Alessandro"), new Individu("901", "AMPERE", "Andre")],
            [("2MELEC1", "24023302210", ["900"]), ("2MELEC2", "24023302210", []), ("1MELEC", "24023302210", [])], [("2MELEC1G1", "2MELEC1", ["901"])]);
        var import = await classe.Admin.PostAsync($"/api/etablissements/{classe.Uai}/imports", Formulaire(($"sts_emp_{classe.Uai}_{AnneeCourante}.xml", Octets(sts))));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await collegue.GetAsync(lea)).StatusCode);
    }

    [Fact]
    public async Task A_learner_moved_to_another_class_by_an_import_leaves_her_teacher_at_once()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var lea = $"/api/scenarios/suivi/apprenants/{classe.Ids["Lea"]}";
        Assert.Equal(HttpStatusCode.OK, (await professeur.GetAsync(lea)).StatusCode);

        await classe.ReimporterAsync(classe.Inscrits.Select(e => e.Prenom == "Lea" ? e with { Division = "2MELEC2" } : e));

        await (await professeur.GetAsync(lea)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
