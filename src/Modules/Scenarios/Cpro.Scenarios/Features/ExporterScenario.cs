using Carter;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Identity;
using Cpro.Scenarios.Domain;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpro.Scenarios.Features;

/// <summary>The teaching team exports a scenario as a Word (docx) or LibreOffice (odt) document: its four sections with
/// the référentiel's labels, to print or to hand to learners.</summary>
internal static class ExporterScenario
{
    public const string Docx = "docx";
    public const string Odt = "odt";

    internal sealed record Query(Guid Id, string Format) : IQuery<Export>;

    internal sealed record Export(byte[] Contenu, string TypeContenu, string NomFichier);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Format).Must(f => f is Docx or Odt)
            .WithMessage("Format d'export inconnu : docx (Word) ou odt (LibreOffice).").OverridePropertyName("format");
    }

    internal sealed class Handler(IQuerySession session, ICurrentUser user, IMediator mediator) : IQueryHandler<Query, Export>
    {
        public async ValueTask<Export> Handle(Query query, CancellationToken cancellationToken)
        {
            AccesScenarios.Lecteur(user);
            var scenario = await Scenario.TrouverAsync(session, query.Id, cancellationToken);
            var index = await AccesScenarios.ReferentielAsync(mediator, scenario.Referentiel, cancellationToken);
            var ressources = (await Ressource.DuScenarioAsync(session, scenario.Id, cancellationToken)).Select(r => r.NomFichier).ToList();
            IReadOnlyList<string> coAuteurs = scenario.CoAuteurs.Count == 0 ? [] :
            [
                .. (await mediator.Send(new ListerEnseignants(AccesScenarios.Etablissement(user)), cancellationToken))
                    .Where(e => scenario.CoAuteurs.Contains(e.UtilisateurId)).Select(e => $"{e.Prenom} {e.Nom}"),
            ];
            var document = Composer(scenario, index, coAuteurs, ressources);
            var nom = NomFichier.Propre(scenario.Titre, 120) is { Length: > 0 } titre ? titre : "scenario";
            return query.Format == Odt
                ? new Export(document.Odt(), DocumentScenario.TypeOdt, $"{nom}.{Odt}")
                : new Export(document.Docx(), DocumentScenario.TypeDocx, $"{nom}.{Docx}");
        }
    }

    /// <summary>The scenario's sections in reading order; codes come with the référentiel's labels.</summary>
    public static DocumentScenario Composer(Scenario scenario, ReferentielIndex index, IReadOnlyList<string> coAuteurs, IReadOnlyList<string> ressources)
    {
        var referentiel = index.Referentiel;
        var activites = referentiel.Blocs.SelectMany(b => b.Activites).Concat(referentiel.ActivitesTransversales)
            .DistinctBy(a => a.Code).ToDictionary(a => a.Code, a => a.Intitule, StringComparer.Ordinal);
        var blocs = referentiel.Blocs.ToDictionary(b => b.Code, b => b.Intitule, StringComparer.Ordinal);
        var competences = index.CompetencesDerivees(scenario.Taches, scenario.Criteres);
        var parties = new List<PartieDocument>
        {
            new Intitule(scenario.Titre, 0),
            new Paragraphe("Diplôme : ", $"{referentiel.Intitule} ({referentiel.Code})"),
            new Paragraphe("Niveau de classe : ", NiveauClasse(scenario.NiveauClasse)),
            new Paragraphe("Auteur : ", scenario.AuteurNom),
        };
        if (coAuteurs.Count > 0)
        {
            parties.Add(new Paragraphe("Co-auteurs : ", string.Join(", ", coAuteurs)));
        }
        parties.Add(new Paragraphe("Co-intervention : ", scenario.CoIntervention ? $"oui, avec {scenario.CoInterventionDiscipline}" : "non"));
        if (scenario.Origine is { } origine)
        {
            parties.Add(new Paragraphe("Origine : ", origine));
        }

        parties.Add(new Intitule("Contexte", 1));
        Texte("Situation professionnelle", scenario.SituationProfessionnelle);
        Texte("Problématique et missions", scenario.ProblematiqueEtMissions);
        Texte("Matériels et logiciels", scenario.MaterielsEtLogiciels);
        Enumeration("Liens", scenario.Liens.Select(l => Element(l)), "Aucun lien.");
        Texte("Espaces de formation", scenario.EspacesDeFormation);

        parties.Add(new Intitule("Liaison avec le référentiel", 1));
        Enumeration("Activités professionnelles", scenario.Activites.Select(a => Element(Libelle(a, activites.GetValueOrDefault(a)))), "Aucune activité retenue.");
        Enumeration("Tâches professionnelles", scenario.Taches.Select(t => Element(Libelle(t, index.Taches.GetValueOrDefault(t)))), "Aucune tâche retenue.");
        Enumeration("Compétences", competences.Select(c => Element(Libelle(c, index.Competences.GetValueOrDefault(c)?.Intitule),
            [.. scenario.Criteres.Where(k => index.CompetenceDe(k) == c).Select(k => Libelle(k, index.Intitule(k)))])), "Aucune compétence mobilisée.");
        Enumeration("Blocs de compétences", index.BlocsDerives(scenario.Activites, competences).Select(b => Element(Libelle(b, blocs.GetValueOrDefault(b)))),
            "Aucun bloc.");

        parties.Add(new Intitule("Compétences transversales", 1));
        Puces(scenario.CompetencesTransversales.Select(c => Element(Libelle(c, index.CompetencesCommunes.GetValueOrDefault(c)))), "Aucune compétence transversale.");

        parties.Add(new Intitule("Ressources", 1));
        Puces(ressources.Select(r => Element(r)), "Aucune ressource jointe.");

        return new DocumentScenario(scenario.Titre, scenario.AuteurNom, scenario.CreeLe, scenario.ModifieLe, parties);

        // A multi-line text gives one paragraph per line.
        void Texte(string intitule, string? texte)
        {
            parties.Add(new Intitule(intitule, 2));
            var lignes = (texte ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            parties.AddRange(lignes.Length == 0 ? [new Paragraphe(null, "Non renseigné.")] : lignes.Select(l => new Paragraphe(null, l)));
        }

        void Enumeration(string intitule, IEnumerable<ElementListe> elements, string aucun)
        {
            parties.Add(new Intitule(intitule, 2));
            Puces(elements, aucun);
        }

        void Puces(IEnumerable<ElementListe> elements, string aucun)
        {
            var liste = elements.ToList();
            parties.Add(liste.Count == 0 ? new Paragraphe(null, aucun) : new Liste(liste));
        }

        static ElementListe Element(string texte, IReadOnlyList<string>? sousElements = null) => new(texte, sousElements ?? []);

        // A code the référentiel no longer knows stays readable as is.
        static string Libelle(string code, string? intitule) => intitule is null ? code : $"{code} – {intitule}";
    }

    // The Referentiels module's labels of its class levels (its catalogue is not shared).
    private static string NiveauClasse(string code) => code switch
    {
        "SECONDE" => "Seconde",
        "PREMIERE" => "Première",
        "TERMINALE" => "Terminale",
        "CAP1" => "CAP 1re année",
        "CAP2" => "CAP 2e année",
        "BTS1" => "BTS 1re année",
        "BTS2" => "BTS 2e année",
        _ => code,
    };

    internal sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/{id:guid}/export", async (Guid id, string? format, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                {
                    var export = await mediator.Send(new Query(id, format ?? Docx), ct);
                    response.Headers.ContentDisposition = NomFichier.Telechargement(export.NomFichier);
                    return TypedResults.File(export.Contenu, export.TypeContenu);
                })
                .WithSummary("Exporter un scénario en document Word (format=docx, par défaut) ou LibreOffice (format=odt)");
    }
}
