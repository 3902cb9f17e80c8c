using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Cpro.IntegrationTests.Referentiels;

/// <summary>Référentiel files written for the tests: a small valid one to break rule by rule, and how to send them.</summary>
public static class Fichiers
{
    /// <summary>A valid file: one bloc, one transversal activity, two competences, a family with one common competence.</summary>
    public static JsonObject Valide(string code) => JsonNode.Parse($$"""
        {
          "format": "cpro-referentiel/1",
          "code": "{{code}}",
          "diplome": "Brevet de technicien supérieur",
          "niveau": "BTS",
          "intitule": "Essai {{code}}",
          "famille": { "code": "F1", "intitule": "Famille d'essai", "competencesCommunes": [ { "code": "CC1", "intitule": "S'informer" } ] },
          "niveauxDeClasse": ["BTS1", "BTS2"],
          "blocs": [
            { "code": "B1", "intitule": "Préparer", "activites": [
              { "code": "A1", "intitule": "Préparation", "transversale": false,
                "taches": [ { "code": "T1.1", "intitule": "Lire le dossier" }, { "code": "T1.2", "intitule": "Planifier" } ],
                "competences": ["C1", "C2"] } ] }
          ],
          "activitesTransversales": [
            { "code": "A2", "intitule": "Communication", "transversale": true,
              "taches": [ { "code": "T2.1", "intitule": "Rendre compte" } ], "competences": ["C2"] }
          ],
          "competences": [
            { "code": "C1", "intitule": "Analyser", "competencesCommunes": ["CC1"], "activites": ["A1"], "taches": ["T1.1", "T1.2"],
              "criteres": ["Les informations sont recueillies", "Le dossier est complet"] },
            { "code": "C2", "intitule": "Communiquer", "competencesCommunes": [], "activites": ["A1", "A2"], "taches": ["T2.1"],
              "criteres": ["Le compte rendu est clair"] }
          ],
          "sources": [ { "titre": "Fichier d'essai", "organisme": "Cpro", "url": "https://example.org" } ]
        }
        """)!.AsObject();

    public static MultipartFormDataContent Formulaire(string json) => Formulaire(Encoding.UTF8.GetBytes(json));

    public static MultipartFormDataContent Formulaire(byte[] contenu, string nom = "referentiel.json")
    {
        var partie = new ByteArrayContent(contenu);
        partie.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new MultipartFormDataContent { { partie, "fichier", nom } };
    }

    public static string NouveauCode() => $"TEST-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
}
