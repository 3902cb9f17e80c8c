using System.Text.Json;
using Npgsql;

namespace Cpro.Bench;

/// <summary>Positioning grids on a made-up establishment: 20 teachers each saving their own 30 × 13 grid at the same
/// time (a first save of 390 new positionings, then full saves that change every cell), beside a bare batch insert of
/// the same rows from as many connections; then one learner's dashboard over three school years (about 1,500
/// positionings) under each of the four synthesis rules, beside a bare read of the same positionings with the same rule
/// applied in memory.</summary>
internal static class BancGrilles
{
    private const int Enseignants = 20, ParClasse = 30, Competences = 13, PositionnementsVises = 1_500, Lectures = 200;
    private const string Referentiel = EtablissementMesure.Referentiel;
    private const string MotDePasse = "Banc-Grilles-Cpro-2026";
    // The issue's targets are ratios to a bare baseline measured in the same run; the former absolute ones (30 ms per save,
    // 15 ms per dashboard) are still printed, for comparison only.
    private const double CibleEnregistrement = 1.5, CibleSynthese = 2;
    // ABS is stored (a row per cell) though no synthesis counts it; a full save moves every cell one step along this cycle.
    private static readonly string[] Valeurs = ["1", "2", "3", "4", "ABS"];
    private static readonly string[] Regles = ["plusRecent", "meilleur", "moyenneArrondie", "plusFrequent"];

    private sealed record Enseignant(Hote Session, Guid Scenario, Guid[] Classe);

    private sealed record Etablissement(Hote Ddftp, List<Enseignant> Enseignants, Hote Apprenant, Guid ApprenantId) : IDisposable
    {
        public void Dispose()
        {
            Ddftp.Dispose();
            Apprenant.Dispose();
            Enseignants.ForEach(e => e.Session.Dispose());
        }
    }

    public static async Task<IReadOnlyList<Ligne>> MesurerAsync(Hote plateforme, NpgsqlDataSource source, Uri adresse, int pid, int tours, int misesAJour,
        string courriels)
    {
        var chargeAvant = Mesures.Charge();
        using var etablissement = await PreparerAsync(plateforme, adresse, courriels);
        var items = Enumerable.Range(1, Competences).Select(c => $"C{c}").ToArray();
        await ReferenceGrilles.CreerTableAsync(source);

        // Round 0 warms up both sides (JIT, query plans, pools) and is not counted. Before each round of saves,
        // the baseline writes as many grids from as many connections, so that both see the same machine.
        var references = new List<TimeSpan>();
        var premiers = new List<TimeSpan>();
        var completes = new List<TimeSpan>();
        var echecs = new List<string>();
        for (var tour = 0; tour <= tours; tour++)
        {
            var reference = await ReferenceGrilles.ExecuterAsync(source, Enseignants, 1 + misesAJour, ParClasse, items);
            var grilles = await Task.WhenAll(etablissement.Enseignants.Select(e => NouvelleGrilleAsync(e, DateOnly.FromDateTime(DateTime.UtcNow))));
            var mesures = await Task.WhenAll(etablissement.Enseignants.Zip(grilles).Select(x => EnregistrerAsync(x.First, x.Second, misesAJour)));
            if (tour == 0)
            {
                continue;
            }
            references.AddRange(reference);
            foreach (var (premier, suivants, erreurs) in mesures)
            {
                premiers.Add(premier);
                completes.AddRange(suivants);
                echecs.AddRange(erreurs);
            }
            Console.WriteLine($"  tour {tour} : référence p95 {Mesures.Ms(Mesures.Centile(reference, 95))}, premier enregistrement p95 "
                              + $"{Mesures.Ms(Mesures.Centile([.. mesures.Select(m => m.Premier)], 95))}, enregistrement complet p95 "
                              + $"{Mesures.Ms(Mesures.Centile([.. mesures.SelectMany(m => m.Suivants)], 95))} (charge {Mesures.Charge()})");
        }
        var chargeMilieu = Mesures.Charge();

        var (positionnements, syntheses, historique) = await SyntheseAsync(etablissement, source, pid, tours + 1);

        var referenceP95 = Mesures.Centile(references, 95);
        var premierP95 = Mesures.Centile(premiers, 95);
        var completP95 = Mesures.Centile(completes, 95);
        Console.WriteLine();
        Console.WriteLine($"{Enseignants} enseignants à la fois, chacun sa grille de {ParClasse} apprenants × {Competences} compétences ; {tours} tours "
                          + $"(+ 1 de chauffe) d'un premier enregistrement et de {misesAJour} enregistrements complets par enseignant ; {Environment.ProcessorCount} cœurs");
        Console.WriteLine($"  Référence (lot de {ParClasse * Competences} INSERT) : {Mesures.Resume(references)}");
        Console.WriteLine($"  Premier enregistrement ({ParClasse * Competences} créations) : {Mesures.Resume(premiers)}");
        Console.WriteLine($"  Enregistrement complet ({ParClasse * Competences} modifications) : {Mesures.Resume(completes)}");
        Console.WriteLine($"  Réponses autres que 200 : {echecs.Count}{(echecs.Count > 0 ? $" (première : {echecs[0]})" : "")}");
        Console.WriteLine($"Enregistrements complets d'une grille seule, apprenants ayant déjà : moins d'un an de positionnements {Mesures.Resume(historique.Debut)} ; "
                          + $"plus de deux ans {Mesures.Resume(historique.Fin)}");
        Console.WriteLine($"Synthèse d'un apprenant : {positionnements} positionnements sur trois années scolaires, {Lectures} lectures par règle");
        foreach (var (qui, regle, durees, cpu, reference) in syntheses)
        {
            Console.WriteLine($"  {qui}, {regle} : {Mesures.Resume(durees)} ; CPU de l'hôte {cpu.TotalMilliseconds / Lectures:0.0} ms par lecture ; "
                              + $"lecture nue {Mesures.Resume(reference)}");
        }
        Console.WriteLine($"Charge de la machine (1 min) : {chargeAvant} au début, {chargeMilieu} après les grilles, {Mesures.Charge()} à la fin");

        return
        [
            new($"Référence : lot de {ParClasse * Competences} INSERT (p95)", Mesures.Ms(referenceP95), "—", true),
            new("Premier enregistrement (p95)", Mesures.Ms(premierP95), "—", true),
            new("Premier enregistrement / référence (p95)", $"{premierP95 / referenceP95:0.00} ×", $"≤ {CibleEnregistrement} ×", premierP95 / referenceP95 <= CibleEnregistrement),
            new("Enregistrement complet (p95)", Mesures.Ms(completP95), "—", true),
            new("Enregistrement complet / référence (p95)", $"{completP95 / referenceP95:0.00} ×", $"≤ {CibleEnregistrement} ×", completP95 / referenceP95 <= CibleEnregistrement),
            new("Enregistrements refusés (≠ 200)", $"{echecs.Count} / {premiers.Count + completes.Count}", "0", echecs.Count == 0),
            new("Enregistrement complet d'une grille seule, 2 ans d'historique (p95)", Mesures.Ms(Mesures.Centile(historique.Fin, 95)), "—", true),
            .. syntheses.SelectMany(s => new[]
            {
                new Ligne($"Synthèse, {s.Qui}, {s.Regle} (p95)", Mesures.Ms(Mesures.Centile(s.Durees, 95)), "—", true),
                s.Qui == TableauComplet
                    ? new Ligne($"Synthèse / lecture nue, {s.Qui}, {s.Regle} (p95)", $"{Mesures.Centile(s.Durees, 95) / Mesures.Centile(s.Reference, 95):0.00} ×", "—", true)
                    : new Ligne($"Synthèse / lecture nue, {s.Qui}, {s.Regle} (p95)", $"{Mesures.Centile(s.Durees, 95) / Mesures.Centile(s.Reference, 95):0.00} ×",
                        $"≤ {CibleSynthese} ×", Mesures.Centile(s.Durees, 95) / Mesures.Centile(s.Reference, 95) <= CibleSynthese),
            }),
        ];
    }

    /// <summary>An establishment imported from SIECLE / STS-web (20 divisions of 30 learners, 20 teachers), subscribed by
    /// its DDFTP to Bac Pro MELEC with every division in Seconde; every teacher signed in with a scenario of 13 competences.
    /// Only the establishment's administrator reads temporary passwords: the platform administrator creates one, whose
    /// own is read in the email the host wrote to <paramref name="courriels"/>.</summary>
    private static async Task<Etablissement> PreparerAsync(Hote plateforme, Uri adresse, string courriels)
    {
        using var mesure = await EtablissementMesure.CreerAsync(plateforme, adresse, courriels, MotDePasse, Enseignants, ParClasse, Enseignants);
        var export = mesure.Export;
        var ddftp = await mesure.DdftpAsync();
        await EtablissementMesure.AbonnerAsync(ddftp, Enumerable.Range(0, Enseignants).Select(export.Division));

        // One criterion of each competence: the scenario's derived competences, hence the grid's columns, are C1…C13.
        var criteres = Enumerable.Range(1, Competences).Select(c => $"C{c}.1").ToArray();
        var enseignants = new List<Enseignant>();
        JsonElement? premierApprenant = null;
        foreach (var (personnel, k) in export.Personnels().Select((p, k) => (p, k)))
        {
            var session = await mesure.SessionAsync(c => EtablissementMesure.Nomme(c, "Enseignant", personnel.Nom, personnel.Prenom));
            var scenario = await session.JsonAsync(HttpMethod.Post, "/api/scenarios",
                new { referentiel = Referentiel, niveauClasse = "SECONDE", titre = $"Grille de mesure {k}", coIntervention = false, criteres });
            Egal(scenario.GetProperty("competences").GetArrayLength(), Competences, "compétences du scénario");
            var id = scenario.GetProperty("id").GetGuid();
            var classe = (await session.JsonAsync(HttpMethod.Get, $"/api/scenarios/{id}/apprenants")).EnumerateArray()
                .Where(a => a.GetProperty("division").GetString() == export.Division(k)).ToList();
            Egal(classe.Count, ParClasse, $"apprenants de {export.Division(k)}");
            premierApprenant ??= classe[0];
            enseignants.Add(new Enseignant(session, id, [.. classe.Select(a => a.GetProperty("utilisateurId").GetGuid())]));
        }

        // The learner whose synthesis is measured: the first of teacher 0's class, reading their own dashboard.
        var apprenant = premierApprenant!.Value;
        var session0 = await mesure.SessionAsync(c => EtablissementMesure.Nomme(c, "Eleve", apprenant.GetProperty("nom").GetString(), apprenant.GetProperty("prenom").GetString())
                                                      && c.GetProperty("division").GetString() == export.Division(0));
        return new Etablissement(ddftp, enseignants, session0, apprenant.GetProperty("utilisateurId").GetGuid());
    }

    /// <summary>A new evaluation of the teacher's scenario for their whole class, and its columns (not timed).</summary>
    private static async Task<(Guid Id, string[] Items)> NouvelleGrilleAsync(Enseignant enseignant, DateOnly date)
    {
        var id = (await enseignant.Session.JsonAsync(HttpMethod.Post, $"/api/scenarios/{enseignant.Scenario}/evaluations",
            new { date, apprenants = enseignant.Classe })).GetProperty("id").GetGuid();
        var grille = await enseignant.Session.JsonAsync(HttpMethod.Get, $"/api/scenarios/evaluations/{id}");
        Egal(grille.GetProperty("versionGrille").GetInt32(), 0, "version d'une grille neuve");
        var items = grille.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToArray();
        Egal(items.Length, Competences, "colonnes de la grille");
        return (id, items);
    }

    /// <summary>The whole grid: every learner × every item, each value one step further along the cycle than at the previous save.</summary>
    private static byte[] Corps(int versionGrille, Guid[] classe, string[] items, int sauvegarde) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        versionGrille,
        cellules = classe.SelectMany((apprenant, a) => items.Select((item, i) => new
        {
            apprenant, item, valeur = Valeurs[(a + i + sauvegarde) % Valeurs.Length], commentaire = (string?)null,
        })),
    });

    /// <summary>One teacher's first save, then their full saves one after the other, each from the version the previous returned.</summary>
    private static async Task<(TimeSpan Premier, List<TimeSpan> Suivants, List<string> Erreurs)> EnregistrerAsync(
        Enseignant enseignant, (Guid Id, string[] Items) grille, int misesAJour)
    {
        var chemin = $"/api/scenarios/evaluations/{grille.Id}/grille";
        var (version, premier, suivants, erreurs) = (0, TimeSpan.Zero, new List<TimeSpan>(), new List<string>());
        for (var sauvegarde = 0; sauvegarde <= misesAJour; sauvegarde++)
        {
            var (duree, statut, reponse) = await enseignant.Session.ChronometrerAsync(HttpMethod.Put, chemin, Corps(version, enseignant.Classe, grille.Items, sauvegarde));
            if (statut == 200)
            {
                var resultat = JsonDocument.Parse(reponse).RootElement;
                Egal(resultat.GetProperty("modifiees").GetInt32(), ParClasse * Competences, "cellules enregistrées");
                version = resultat.GetProperty("versionGrille").GetInt32();
            }
            else
            {
                erreurs.Add($"HTTP {statut} {reponse}");
            }
            if (sauvegarde == 0)
            {
                premier = duree;
            }
            else
            {
                suivants.Add(duree);
            }
        }
        return (premier, suivants, erreurs);
    }

    /// <summary>Gives the learner about 1,500 positionings (teacher 0's full grids, dated over the three past school
    /// years, each save timed), then times their dashboard, warm, under each rule, and right after it the bare read of the
    /// same positionings with the same rule; and, under the default rule, as their teacher and the DDFTP see it (the check
    /// of who follows whom differs).</summary>
    private static async Task<(int Positionnements, List<(string Qui, string Regle, List<TimeSpan> Durees, TimeSpan Cpu, List<TimeSpan> Reference)> Syntheses,
        (List<TimeSpan> Debut, List<TimeSpan> Fin) Historique)> SyntheseAsync(Etablissement etablissement, NpgsqlDataSource source, int pid, int grillesDejaFaites)
    {
        var enseignant = etablissement.Enseignants[0];
        var grilles = (PositionnementsVises + Competences - 1) / Competences - grillesDejaFaites;
        var parAnnee = (grilles + 2) / 3;
        var enregistrements = new List<TimeSpan>();
        for (var n = 0; n < grilles; n++)
        {
            // From September 1st to the end of June of each of the three school years before this one.
            var date = new DateOnly(Mesures.AnneeScolaire() - 3 + (n / parAnnee), 9, 1).AddDays(n % parAnnee * 300 / parAnnee);
            var grille = await NouvelleGrilleAsync(enseignant, date);
            var (duree, statut, reponse) = await enseignant.Session.ChronometrerAsync(HttpMethod.Put, $"/api/scenarios/evaluations/{grille.Id}/grille",
                Corps(0, enseignant.Classe, grille.Items, n));
            if (statut != 200)
            {
                throw new InvalidOperationException($"Grille du {date} : HTTP {statut} {reponse}");
            }
            enregistrements.Add(duree);
        }
        // Each save rewrites the follow-up of the class's 30 learners: its cost grows with what they already have.
        var historique = (enregistrements[..parAnnee], enregistrements[(2 * parAnnee)..]);

        // The baseline's table: what the dashboards of the whole class show, as their teacher reads them.
        var tableaux = new List<(Guid, JsonElement)>();
        foreach (var apprenant in enseignant.Classe)
        {
            tableaux.Add((apprenant, await enseignant.Session.JsonAsync(HttpMethod.Get, $"/api/scenarios/suivi/apprenants/{apprenant}")));
        }
        var etablissementReference = Guid.NewGuid();
        await ReferenceSynthese.RemplirAsync(source, etablissementReference, tableaux);

        var chemin = $"/api/scenarios/suivi/apprenants/{etablissement.ApprenantId}";
        var cheminSynthese = $"{chemin}/synthese";
        var tableau = await etablissement.Apprenant.JsonAsync(HttpMethod.Get, chemin);
        var competences = tableau.GetProperty("referentiels")[0].GetProperty("competences").EnumerateArray().ToList();
        Egal(competences.Count(c => c.GetProperty("synthese").ValueKind == JsonValueKind.String), Competences, "compétences synthétisées");
        var positionnements = competences.Sum(c => c.GetProperty("positionnements").GetArrayLength());

        var syntheses = new List<(string, string, List<TimeSpan>, TimeSpan, List<TimeSpan>)>();
        foreach (var regle in Regles)
        {
            await etablissement.Ddftp.JsonAsync(HttpMethod.Put, "/api/scenarios/suivi/regle", new { regle });
            var (durees, cpu, reference) = await LireAsync(etablissement.Apprenant, cheminSynthese, pid, source, etablissementReference, etablissement.ApprenantId, regle);
            syntheses.Add(("apprenant", regle, durees, cpu, reference));
        }
        // The whole dashboard besides, with every positioning in its answer: measured, no target.
        var (dureesTableau, cpuTableau, referenceTableau) = await LireAsync(etablissement.Apprenant, chemin, pid, source, etablissementReference,
            etablissement.ApprenantId, Regles[^1]);
        syntheses.Add((TableauComplet, Regles[^1], dureesTableau, cpuTableau, referenceTableau));
        await etablissement.Ddftp.JsonAsync(HttpMethod.Put, "/api/scenarios/suivi/regle", new { regle = Regles[0] });
        foreach (var (qui, session) in new[] { ("son enseignant", enseignant.Session), ("DDFTP", etablissement.Ddftp) })
        {
            var (durees, cpu, reference) = await LireAsync(session, cheminSynthese, pid, source, etablissementReference, etablissement.ApprenantId, Regles[0]);
            syntheses.Add((qui, Regles[0], durees, cpu, reference));
        }
        return (positionnements, syntheses, historique);
    }

    /// <summary>The synthesis (or the dashboard) read one request after another, each followed by the bare read of the same positionings
    /// with the same rule, so that both see the same machine: 50 unmeasured (the JIT's second tier comes after about
    /// 30 calls), then the measured ones; and the host's CPU time over the measured ones (the bare read does not use it).</summary>
    private static async Task<(List<TimeSpan> Durees, TimeSpan Cpu, List<TimeSpan> Reference)> LireAsync(Hote session, string chemin, int pid,
        NpgsqlDataSource source, Guid etablissementReference, Guid apprenant, string regle)
    {
        var (durees, reference) = (new List<TimeSpan>(), new List<TimeSpan>());
        var cpuAvant = TimeSpan.Zero;
        for (var i = -50; i < Lectures; i++)
        {
            if (i == 0)
            {
                cpuAvant = Hote.Cpu(pid);
            }
            var (duree, statut, reponse) = await session.ChronometrerAsync(HttpMethod.Get, chemin);
            if (statut != 200)
            {
                throw new InvalidOperationException($"{chemin} : HTTP {statut} {reponse}");
            }
            var (nue, syntheses) = await ReferenceSynthese.LireAsync(source, etablissementReference, apprenant, regle);
            Egal(syntheses, Competences, "compétences synthétisées par la lecture nue");
            if (i >= 0)
            {
                durees.Add(duree);
                reference.Add(nue);
            }
        }
        var cpu = Hote.Cpu(pid) - cpuAvant;
        return (durees, cpu, reference);
    }

    /// <summary>The learner's whole dashboard (every positioning in the answer), beside the synthesis the target is on.</summary>
    private const string TableauComplet = "apprenant, tableau de bord complet";

    private static void Egal(int lu, int attendu, string quoi)
    {
        if (lu != attendu)
        {
            throw new InvalidOperationException($"Donnée inattendue : {quoi} = {lu}, attendu {attendu}.");
        }
    }
}
