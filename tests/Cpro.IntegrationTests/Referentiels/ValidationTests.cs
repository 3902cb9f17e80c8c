using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cpro.IntegrationTests.Infrastructure;
using static Cpro.IntegrationTests.Referentiels.Fichiers;

namespace Cpro.IntegrationTests.Referentiels;

/// <summary>Each rule of format cpro-referentiel/1 on a hand-broken file: a French report naming the path, nothing written.</summary>
[Collection(CproCollection.Name)]
public sealed class ValidationTests(CproFactory factory)
{
    public static TheoryData<string, string> Regles => new()
    {
        { "format", "format : format inconnu « cpro-referentiel/2 », attendu « cpro-referentiel/1 »." },
        { "sans-format", "format : format inconnu (absent), attendu « cpro-referentiel/1 »." },
        { "sans-code", "code : obligatoire." },
        { "code-invalide", "code : « essai libre » n'est pas un code valide" },
        { "sans-intitule", "intitule : obligatoire." },
        { "sans-diplome", "diplome : obligatoire." },
        { "sans-niveau", "niveau : obligatoire." },
        { "niveaux-vides", "niveauxDeClasse : au moins un niveau de classe est attendu." },
        { "niveau-inconnu", "niveauxDeClasse[1] : niveau de classe inconnu « QUATRIEME » (attendus : SECONDE, PREMIERE, TERMINALE, CAP1, CAP2, BTS1, BTS2)." },
        { "niveau-double", "niveauxDeClasse[2] : le niveau de classe BTS1 figure plusieurs fois." },
        { "sans-blocs", "blocs : au moins un bloc est attendu." },
        { "bloc-double", "blocs[1].code : le code B1 est déjà celui de blocs[0]." },
        { "activite-double", "activitesTransversales[0].code : le code A1 est déjà celui de blocs[0].activites[0]." },
        { "tache-double", "activitesTransversales[0].taches[0].code : le code T1.1 est déjà celui de blocs[0].activites[0].taches[0]." },
        { "competence-double", "competences[1].code : le code C1 est déjà celui de competences[0]." },
        { "commune-double", "famille.competencesCommunes[1].code : le code CC1 est déjà celui de famille.competencesCommunes[0]." },
        { "activite-competence-inconnue", "blocs[0].activites[0].competences[2] : la compétence C9 n'existe pas." },
        { "competence-activite-inconnue", "competences[0].activites[1] : l'activité A9 n'existe pas." },
        { "competence-tache-inconnue", "competences[0].taches[1] : la tâche T9.9 n'existe pas." },
        { "competence-commune-inconnue", "competences[0].competencesCommunes[0] : la compétence commune CC9 n'existe pas." },
        { "sans-criteres", "competences[1].criteres : au moins un critère d'évaluation est attendu." },
        { "critere-vide", "competences[0].criteres[1] : critère vide." },
        { "lien-a-sens-unique", "competences[0].activites[1] : l'activité A2 ne cite pas la compétence C1." },
        { "transversale-hors-place", "blocs[0].activites[0].transversale : seules les activités transversales valent true." },
        { "intitule-tache-absent", "blocs[0].activites[0].taches[1].intitule : obligatoire." },
        { "element-vide", "competences[1] : élément vide." },
        { "type", "blocs : valeur d'un type inattendu." },
        { "json", "Le fichier n'est pas un JSON valide (ligne 2, position 1)." },
        { "tableau", "Le fichier doit contenir un objet JSON." },
    };

    [Theory]
    [MemberData(nameof(Regles))]
    public async Task A_broken_file_gets_a_french_report_naming_the_path_and_nothing_is_written(string regle, string message)
    {
        var code = NouveauCode();
        using var admin = await factory.AdminClientAsync();

        var reponse = await admin.PostAsync("/api/referentiels", Formulaire(Casser(regle, code)));

        var probleme = await reponse.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Référentiel invalide", probleme.GetProperty("title").GetString());
        var erreurs = probleme.GetProperty("erreurs").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(erreurs, e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.Contains("rien n'a été enregistré", probleme.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await admin.GetAsync($"/api/referentiels/{code}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_error_is_reported_at_once_and_a_simulation_reports_the_same()
    {
        var fichier = Valide(NouveauCode());
        fichier["intitule"] = "";
        Competence(fichier, 0)["taches"]!.AsArray().Add("T9.9");
        Competence(fichier, 1)["criteres"] = new JsonArray();
        using var admin = await factory.AdminClientAsync();

        var probleme = await (await admin.PostAsync("/api/referentiels?simulation=true", Formulaire(fichier.ToJsonString())))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(
            ["intitule : obligatoire.", "competences[0].taches[2] : la tâche T9.9 n'existe pas.", "competences[1].criteres : au moins un critère d'évaluation est attendu."],
            probleme.GetProperty("erreurs").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_competence_no_activity_calls_on_may_have_no_criteria()
    {
        var fichier = Valide(NouveauCode());
        fichier["competences"]!.AsArray().Add(JsonNode.Parse("""{ "code": "C3", "intitule": "Concevoir", "activites": [], "criteres": [] }"""));
        using var admin = await factory.AdminClientAsync();

        var reponse = await admin.PostAsync("/api/referentiels?simulation=true", Formulaire(fichier.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
    }

    [Fact]
    public async Task An_oversize_file_gets_413_and_a_request_without_the_part_400()
    {
        using var admin = await factory.AdminClientAsync();
        var enorme = new byte[2 * 1024 * 1024 + 1];

        var trop = await admin.PostAsync("/api/referentiels", Formulaire(enorme));
        var sans = await admin.PostAsync("/api/referentiels", new MultipartFormDataContent { { new StringContent("x"), "autre" } });

        Assert.Contains("dépasse la taille autorisée (2 Mo)", (await trop.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Aucun fichier reçu", (await sans.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string Casser(string regle, string code)
    {
        var f = Valide(code);
        var bloc = f["blocs"]![0]!.AsObject();
        var activite = bloc["activites"]![0]!.AsObject();
        var transversale = f["activitesTransversales"]![0]!.AsObject();
        switch (regle)
        {
            case "format": f["format"] = "cpro-referentiel/2"; break;
            case "sans-format": f.Remove("format"); break;
            case "sans-code": f.Remove("code"); break;
            case "code-invalide": f["code"] = "essai libre"; break;
            case "sans-intitule": f["intitule"] = " "; break;
            case "sans-diplome": f.Remove("diplome"); break;
            case "sans-niveau": f["niveau"] = null; break;
            case "niveaux-vides": f["niveauxDeClasse"] = new JsonArray(); break;
            case "niveau-inconnu": f["niveauxDeClasse"]!.AsArray()[1] = "QUATRIEME"; break;
            case "niveau-double": f["niveauxDeClasse"]!.AsArray().Add("BTS1"); break;
            case "sans-blocs": f.Remove("blocs"); break;
            case "bloc-double": f["blocs"]!.AsArray().Add(JsonNode.Parse("""{ "code": "B1", "intitule": "Encore", "activites": [ { "code": "A3", "intitule": "x", "taches": [], "competences": [] } ] }""")); break;
            case "activite-double": transversale["code"] = "A1"; break;
            case "tache-double": transversale["taches"]![0]!["code"] = "T1.1"; break;
            case "competence-double": Competence(f, 1)["code"] = "C1"; break;
            case "commune-double": f["famille"]!["competencesCommunes"]!.AsArray().Add(JsonNode.Parse("""{ "code": "CC1", "intitule": "Encore" }""")); break;
            case "activite-competence-inconnue": activite["competences"]!.AsArray().Add("C9"); break;
            case "competence-activite-inconnue": Competence(f, 0)["activites"]!.AsArray().Add("A9"); break;
            case "competence-tache-inconnue": Competence(f, 0)["taches"]![1] = "T9.9"; break;
            case "competence-commune-inconnue": Competence(f, 0)["competencesCommunes"]![0] = "CC9"; break;
            case "sans-criteres": Competence(f, 1).Remove("criteres"); break;
            case "critere-vide": Competence(f, 0)["criteres"]![1] = ""; break;
            case "lien-a-sens-unique": Competence(f, 0)["activites"]!.AsArray().Add("A2"); break;
            case "transversale-hors-place": activite["transversale"] = true; break;
            case "intitule-tache-absent": activite["taches"]![1]!.AsObject().Remove("intitule"); break;
            case "element-vide": f["competences"]![1] = null; break;
            case "type": f["blocs"] = "B1"; break;
            case "json": return "{\n";
            case "tableau": return "[1, 2]";
            default: throw new ArgumentOutOfRangeException(nameof(regle), regle, null);
        }
        return f.ToJsonString();
    }

    private static JsonObject Competence(JsonObject fichier, int rang) => fichier["competences"]![rang]!.AsObject();
}
