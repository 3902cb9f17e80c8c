using System.Collections;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Persistence;
using Cpro.Scenarios.Domain;
using JasperFx;
using Marten;
using static Cpro.IntegrationTests.Scenarios.ScenariosTests;

namespace Cpro.IntegrationTests.Scenarios;

/// <summary>The module's documents and streams in the shared store: each survives its JSON whole, each belongs to one
/// establishment, and the store itself refuses a write made from a stale version.</summary>
[Collection(CproCollection.Name)]
public sealed class DocumentsScenariosTests(CproFactory factory)
{
    private static readonly DateTimeOffset Instant = new(2026, 10, 5, 8, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public async Task Every_document_type_reads_back_every_property_it_was_stored_with()
    {
        var etablissement = await factory.EtablissementIdAsync(await factory.CreerEtablissementAsync());
        object[] documents = [ScenarioRempli(Guid.NewGuid()), RessourceRemplie(Guid.NewGuid()), ContenuRempli(Guid.NewGuid()), EvaluationRemplie(Guid.NewGuid()), SuiviRempli(Guid.NewGuid()),
            new ParametresSuivi { Regle = RegleSynthese.PlusFrequent }];
        foreach (var document in documents)
        {
            AssertRempli(document, document.GetType().Name);
        }
        await using (var ecriture = factory.Documents(etablissement))
        {
            ecriture.Store(documents);
            await ecriture.SaveChangesAsync();
        }

        await using var lecture = factory.Documents(etablissement);
        foreach (var document in documents)
        {
            var lu = document switch
            {
                Scenario s => (object?)await lecture.LoadAsync<Scenario>(s.Id),
                Ressource r => await lecture.LoadAsync<Ressource>(r.Id),
                ContenuRessource c => await lecture.LoadAsync<ContenuRessource>(c.Id),
                Evaluation e => await lecture.LoadAsync<Evaluation>(e.Id),
                SuiviApprenant s => await lecture.LoadAsync<SuiviApprenant>(s.Id),
                _ => await lecture.LoadAsync<ParametresSuivi>(ParametresSuivi.Cle),
            };
            AssertMemes(document, lu, document.GetType().Name);
        }
    }

    [Fact]
    public async Task An_establishment_neither_reads_nor_overwrites_another_ones_documents()
    {
        var a = await factory.EtablissementIdAsync(await factory.CreerEtablissementAsync());
        var b = await factory.EtablissementIdAsync(await factory.CreerEtablissementAsync());
        var (scenario, ressource, contenu, evaluation, suivi) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await IsoleAsync(a, b, ScenarioRempli(scenario), ScenarioRempli(scenario, "Écrit par B"), s => s.LoadAsync<Scenario>(scenario),
            s => s.Query<Scenario>().Where(x => x.Id == scenario).ToListAsync(), x => x.Titre);
        await IsoleAsync(a, b, RessourceRemplie(ressource), RessourceRemplie(ressource, "b.pdf"), s => s.LoadAsync<Ressource>(ressource),
            s => s.Query<Ressource>().Where(x => x.Id == ressource).ToListAsync(), x => x.NomFichier);
        await IsoleAsync(a, b, ContenuRempli(contenu), new ContenuRessource { Id = contenu, Contenu = [9, 9] }, s => s.LoadAsync<ContenuRessource>(contenu),
            s => s.Query<ContenuRessource>().Where(x => x.Id == contenu).ToListAsync(), x => Convert.ToBase64String(x.Contenu));
        await IsoleAsync(a, b, EvaluationRemplie(evaluation), EvaluationRemplie(evaluation, "Écrite par B"), s => s.LoadAsync<Evaluation>(evaluation),
            s => s.Query<Evaluation>().Where(x => x.Id == evaluation).ToListAsync(), x => x.Titre);
        await IsoleAsync(a, b, SuiviRempli(suivi), new SuiviApprenant { Id = suivi }, s => s.LoadAsync<SuiviApprenant>(suivi),
            s => s.Query<SuiviApprenant>().Where(x => x.Id == suivi).ToListAsync(), x => x.Evaluations.Count);
        await IsoleAsync(a, b, new ParametresSuivi { Regle = RegleSynthese.Meilleur }, new ParametresSuivi { Regle = RegleSynthese.MoyenneArrondie },
            s => s.LoadAsync<ParametresSuivi>(ParametresSuivi.Cle), s => s.Query<ParametresSuivi>().Where(x => x.Id == ParametresSuivi.Cle).ToListAsync(),
            x => x.Regle);
    }

    [Fact]
    public async Task An_evaluations_stream_is_invisible_to_another_establishment_and_untouched_by_it()
    {
        var classe = await Classe.CreerAsync(factory);
        var autre = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var ailleurs = await Classe.ClientAsync(factory, autre.Professeur);
        var evaluation = await EvaluationAsync(professeur);
        (await professeur.PutAsJsonAsync($"/api/scenarios/evaluations/{evaluation}/grille",
            new { versionGrille = 0, cellules = new[] { new { apprenant = classe.Ids["Lea"], item = "C1", valeur = "3" } } })).EnsureSuccessStatusCode();

        await using (var deB = factory.Documents(await factory.EtablissementIdAsync(autre.Uai)))
        {
            Assert.Empty(await deB.Events.FetchStreamAsync(evaluation));
            Assert.Null(await deB.Events.FetchStreamStateAsync(evaluation));
            Assert.Null(await deB.LoadAsync<Evaluation>(evaluation));
            Assert.Null(await deB.LoadAsync<SuiviApprenant>(classe.Ids["Lea"]));
            // Appending under the same id from B makes a stream of B's, if anything.
            deB.Events.Append(evaluation, new GrilleEnregistree(Guid.NewGuid(), "B", Instant, [new CelluleModifiee(classe.Ids["Lea"], "C1", null, null, NiveauMaitrise.NonMaitrise, null)]));
            await deB.SaveChangesAsync();
        }
        await (await ailleurs.GetAsync($"/api/scenarios/evaluations/{evaluation}/historique")).AssertProblemAsync(HttpStatusCode.NotFound);

        await using var deA = factory.Documents(await factory.EtablissementIdAsync(classe.Uai));
        Assert.Equal(2, (await deA.Events.FetchStreamAsync(evaluation)).Count);
        var cellule = Assert.Single((await deA.LoadAsync<Evaluation>(evaluation))!.Cellules);
        Assert.Equal(NiveauMaitrise.Maitrise, cellule.Niveau);
        var grille = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/evaluations/{evaluation}");
        Assert.Equal("3", Assert.Single(grille.GetProperty("cellules").EnumerateArray()).GetProperty("valeur").GetString());
    }

    [Fact]
    public async Task The_store_refuses_a_scenario_written_from_a_stale_revision_even_past_the_handlers_check()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var scenario = await CreerAsync(professeur, Scenario());
        var id = scenario.GetProperty("id").GetGuid();
        Assert.Equal(1, scenario.GetProperty("version").GetInt32());
        var etablissement = await factory.EtablissementIdAsync(classe.Uai);

        await using var premier = factory.Documents(etablissement);
        await using var second = factory.Documents(etablissement);
        var copiePremier = (await premier.LoadAsync<Scenario>(id))!;
        var copieSecond = (await second.LoadAsync<Scenario>(id))!;
        copieSecond.Titre = "Le second d'abord";
        second.StoreRevision(copieSecond, 1);
        await second.SaveChangesAsync();
        copiePremier.Titre = "Le premier, trop tard";
        premier.StoreRevision(copiePremier, 1);

        await Assert.ThrowsAnyAsync<ConcurrencyException>(() => premier.SaveChangesAsync());
        var lu = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}");
        Assert.Equal("Le second d'abord", lu.GetProperty("titre").GetString());
        Assert.Equal(2, lu.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Two_edits_of_a_scenario_from_the_same_version_at_the_same_time_one_wins_the_other_gets_409()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        using var memeProfesseur = await Classe.ClientAsync(factory, classe.Professeur);
        var id = (await CreerAsync(professeur, Scenario())).GetProperty("id").GetGuid();

        var reponses = await Task.WhenAll(
            professeur.PutAsJsonAsync($"/api/scenarios/{id}", Modification(1, "Premier")),
            memeProfesseur.PutAsJsonAsync($"/api/scenarios/{id}", Modification(1, "Second")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], reponses.Select(r => r.StatusCode).Order());
        var gagnant = reponses[0].StatusCode == HttpStatusCode.OK ? "Premier" : "Second";
        var lu = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}");
        Assert.Equal(gagnant, lu.GetProperty("titre").GetString());
        Assert.Equal(2, lu.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task The_store_refuses_a_grid_save_appended_from_a_stale_version_even_past_the_handlers_check()
    {
        var classe = await Classe.CreerAsync(factory);
        using var professeur = await Classe.ClientAsync(factory, classe.Professeur);
        var evaluation = await EvaluationAsync(professeur);
        var etablissement = await factory.EtablissementIdAsync(classe.Uai);
        GrilleEnregistree Save(string auteur, NiveauMaitrise niveau) =>
            new(Guid.NewGuid(), auteur, Instant, [new CelluleModifiee(classe.Ids["Lea"], "C1", null, null, niveau, null)]);

        await using var premier = factory.Documents(etablissement);
        await using var second = factory.Documents(etablissement);
        // Both read the grid at version 0 (the stream's version 1).
        var fluxPremier = await premier.Events.FetchForWriting<Evaluation>(evaluation);
        var fluxSecond = await second.Events.FetchForWriting<Evaluation>(evaluation);
        fluxSecond.AppendOne(Save("Second", NiveauMaitrise.BienMaitrise));
        await second.SaveChangesAsync();
        fluxPremier.AppendOne(Save("Premier", NiveauMaitrise.NonMaitrise));

        await Assert.ThrowsAnyAsync<ConcurrencyException>(() => premier.SaveChangesAsync());
        var grille = await professeur.GetFromJsonAsync<JsonElement>($"/api/scenarios/evaluations/{evaluation}");
        Assert.Equal(1, grille.GetProperty("versionGrille").GetInt32());
        Assert.Equal("4", Assert.Single(grille.GetProperty("cellules").EnumerateArray()).GetProperty("valeur").GetString());
    }

    private async Task<Guid> EvaluationAsync(HttpClient professeur)
    {
        var scenario = (await CreerAsync(professeur, Scenario())).GetProperty("id").GetGuid();
        var response = await professeur.PostAsJsonAsync($"/api/scenarios/{scenario}/evaluations", new { date = "2026-10-05" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static object Modification(int version, string titre) => new
    {
        version, niveauClasse = "SECONDE", titre, coIntervention = false, activites = new[] { "A1" }, taches = new[] { "T1.1" }, criteres = new[] { "C1.1" },
    };

    /// <summary>A's document, then B's under the same id: B sees nothing of A's, and B's write leaves A's as it was.</summary>
    private async Task IsoleAsync<T>(Guid a, Guid b, T deA, T deB, Func<IQuerySession, Task<T?>> charger, Func<IQuerySession, Task<IReadOnlyList<T>>> chercher,
        Func<T, object> marque) where T : notnull
    {
        await using (var sessionA = factory.Documents(a))
        {
            sessionA.Store(deA);
            await sessionA.SaveChangesAsync();
        }
        await using (var sessionB = factory.Documents(b))
        {
            Assert.Null(await charger(sessionB));
            Assert.Empty(await chercher(sessionB));
            sessionB.Store(deB);
            await sessionB.SaveChangesAsync();
        }
        await using var relue = factory.Documents(a);
        var lu = await charger(relue);
        Assert.NotNull(lu);
        Assert.Equal(marque(deA), marque(lu));
        Assert.NotEqual(marque(deB), marque(lu));
    }

    private static Scenario ScenarioRempli(Guid id, string titre = "Câbler un tableau") => new()
    {
        Id = id, AuteurId = Guid.NewGuid(), AuteurNom = "Marie Curie", Referentiel = "BACPRO-MELEC", NiveauClasse = "SECONDE", Titre = titre,
        CoIntervention = true, CoInterventionDiscipline = "Mathématiques", CoAuteurs = [Guid.NewGuid()], SituationProfessionnelle = "Rénovation",
        ProblematiqueEtMissions = "Câbler", MaterielsEtLogiciels = "Multimètre", Liens = ["https://eduscol.education.fr"], EspacesDeFormation = "Atelier",
        Activites = ["A1"], Taches = ["T1.1"], Criteres = ["C1.1"], CompetencesTransversales = ["CC1"], Origine = "Copie de « Câbler »",
        CreeLe = Instant, ModifieLe = Instant.AddHours(1), Version = 3,
    };

    private static Ressource RessourceRemplie(Guid id, string nom = "a.pdf") => new()
    {
        Id = id, ScenarioId = Guid.NewGuid(), NomFichier = nom, TypeContenu = "application/pdf", Taille = 1234, AjouteLe = Instant, AjoutePar = "Marie Curie",
    };

    private static ContenuRessource ContenuRempli(Guid id) => new() { Id = id, Contenu = FichiersRessourcesTests.Pdf };

    private static Evaluation EvaluationRemplie(Guid id, string titre = "Câbler un tableau") => new()
    {
        Id = id, ScenarioId = Guid.NewGuid(), Titre = titre, Referentiel = "BACPRO-MELEC", NiveauClasse = "SECONDE", Date = new DateOnly(2026, 10, 5),
        EnseignantId = Guid.NewGuid(), EnseignantNom = "Alessandro VOLTA", Mode = Cpro.Scenarios.Domain.Evaluation.ModeCriteres, Items = ["C1.1"],
        Apprenants = [Guid.NewGuid()], CreeLe = Instant, VersionGrille = 4,
        Cellules =
        [
            new Positionnement
            {
                ApprenantId = Guid.NewGuid(), Item = "C1.1", Competence = "C1", Niveau = NiveauMaitrise.Maitrise, Commentaire = "Soigné",
                ModifieLe = Instant, ModifiePar = "Alessandro VOLTA",
            },
        ],
    };

    private static SuiviApprenant SuiviRempli(Guid id) => new()
    {
        Id = id,
        Evaluations =
        [
            new EvaluationSuivie
            {
                Id = Guid.NewGuid(), Titre = "Câbler", Referentiel = "BACPRO-MELEC", Date = new DateOnly(2026, 10, 5), EnseignantId = Guid.NewGuid(),
                EnseignantNom = "Alessandro VOLTA", Mode = Cpro.Scenarios.Domain.Evaluation.ModeCriteres, CreeLe = Instant,
                Niveaux = new() { ["C1.1"] = NiveauMaitrise.BienMaitrise }, Commentaires = new() { ["C1.1"] = "Bien" },
            },
        ],
    };

    private static bool Simple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(DateOnly)
        || type == typeof(decimal) || Nullable.GetUnderlyingType(type) is { } sousJacent && Simple(sousJacent);

    private static IEnumerable<PropertyInfo> Proprietes(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);

    /// <summary>Every property of the sample holds a value other than its default, down to list elements: a property
    /// added later and not filled here fails this rather than passing the round trip unchecked.</summary>
    private static void AssertRempli(object? valeur, string chemin)
    {
        Assert.True(valeur is not null, $"{chemin} est nul.");
        var type = valeur.GetType();
        if (valeur is string texte)
        {
            Assert.True(texte.Length > 0, $"{chemin} est vide.");
            return;
        }
        if (Simple(type))
        {
            Assert.True(!valeur.Equals(Activator.CreateInstance(type)), $"{chemin} a sa valeur par défaut.");
            return;
        }
        if (valeur is IEnumerable elements)
        {
            var liste = elements.Cast<object>().ToList();
            Assert.True(liste.Count > 0, $"{chemin} est vide.");
            liste.ForEach(e => AssertRempli(e, $"{chemin}[]"));
            return;
        }
        foreach (var propriete in Proprietes(type))
        {
            AssertRempli(propriete.GetValue(valeur), $"{chemin}.{propriete.Name}");
        }
    }

    private static void AssertMemes(object? attendu, object? lu, string chemin)
    {
        Assert.True(lu is not null, $"{chemin} n'est pas relu.");
        if (attendu is null || Simple(attendu.GetType()))
        {
            Assert.True(Equals(attendu, lu), $"{chemin} : {attendu} stocké, {lu} relu.");
            return;
        }
        if (attendu is IEnumerable elements)
        {
            var attendus = elements.Cast<object>().ToList();
            var lus = ((IEnumerable)lu).Cast<object>().ToList();
            Assert.True(attendus.Count == lus.Count, $"{chemin} : {attendus.Count} éléments stockés, {lus.Count} relus.");
            for (var i = 0; i < attendus.Count; i++)
            {
                AssertMemes(attendus[i], lus[i], $"{chemin}[{i}]");
            }
            return;
        }
        foreach (var propriete in Proprietes(attendu.GetType()))
        {
            AssertMemes(propriete.GetValue(attendu), propriete.GetValue(lu), $"{chemin}.{propriete.Name}");
        }
    }
}
