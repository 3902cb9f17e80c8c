using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Cpro.Bench;

/// <summary>Issue 13's portfolio pages: a PFMP declared for a class of 20 learners, each with a company, a tutor (10 tutors of
/// two learners each) and a portfolio written through the API (8 fiches activités, half of them submitted, one reviewed; 20 journal entries,
/// 15 of them commented by the tutor or the referent; the bilan started by the tutor). Measured: the size of the pages a
/// learner and a tutor open (HTML and the style sheets it links), and the time of a learner's portfolio page with 10 learners
/// and 10 tutors reading theirs at once, beside a bare read of the same documents from as many connections.</summary>
internal static partial class BancPortfolio
{
    private const int Apprenants = 20, Tuteurs = 10, Fiches = 8, Entrees = 20, LecturesParTour = 10;
    private const string MotDePasse = "Banc-Portfolio-Cpro-2026";
    private const double CibleTemps = 2;
    private const int CibleOctets = 100 * 1024;
    private static readonly string[] Taches = ["T2.1", "T2.3"];

    /// <summary>One user of the closed loop: their cookie session, and the portfolios they open in turn (a learner their own,
    /// a tutor their two learners').</summary>
    private sealed record Lecteur(string Qui, Portail Portail, Guid[] Portfolios);

    public static async Task<IReadOnlyList<Ligne>> MesurerAsync(Hote plateforme, NpgsqlDataSource source, Uri adresse, int pid, int tours, string courriels,
        JournalHote journal)
    {
        var chargeAvant = Mesures.Charge();
        var (periode, lecteurs) = await PreparerAsync(plateforme, adresse, courriels);
        try
        {
            var locataire = await ReferencePortfolio.LocataireAsync(source, periode);
            var chargePreparation = Mesures.Charge();

            // Sizes: every page of every user, the largest kept; each style sheet counted once per page, as a first visit loads it.
            var tailles = new Dictionary<string, (int Html, int Css, int Gzip, string Encodage, int Nombre)>();
            foreach (var lecteur in lecteurs)
            {
                foreach (var (page, chemin) in new[] { ("liste", "/portfolio") }.Concat(lecteur.Portfolios.Select(a => ("période", $"/portfolio/{periode}/{a}"))))
                {
                    var (html, encodage) = await lecteur.Portail.TelechargerAsync(chemin);
                    var texte = Encoding.UTF8.GetString(html);
                    if (page == "période")
                    {
                        VerifierPortfolio(texte, chemin, lecteur.Qui);
                    }
                    var css = 0;
                    var gzip = Gzip(html);
                    foreach (var feuille in Portail.FeuillesDeStyle(texte))
                    {
                        var (contenu, encodageCss) = await lecteur.Portail.TelechargerAsync(feuille);
                        css += contenu.Length;
                        gzip += Gzip(contenu);
                        encodage ??= encodageCss;
                    }
                    var cle = $"{lecteur.Qui}, {page}";
                    var avant = tailles.GetValueOrDefault(cle);
                    tailles[cle] = html.Length + css > avant.Html + avant.Css
                        ? (html.Length, css, gzip, encodage ?? "aucune", avant.Nombre + 1)
                        : avant with { Nombre = avant.Nombre + 1 };
                }
            }

            // Round 0 warms up both sides (JIT, query plans, pools) and is not counted. In each round, the bare reads of
            // 20 connections, then the pages of the 20 users, so that both see the same machine.
            var pages = lecteurs.Select(l => l.Qui).Distinct().ToDictionary(q => q, _ => new List<TimeSpan>());
            var serveur = new List<TimeSpan>();
            var nues = new List<TimeSpan>();
            var echecs = new List<string>();
            var cpu = TimeSpan.Zero;
            for (var tour = 0; tour <= tours; tour++)
            {
                await journal.MarquerAsync();
                var nuesDuTour = await Task.WhenAll(lecteurs.Select(l => LireNuAsync(source, locataire, periode, l)));
                var cpuAvant = Hote.Cpu(pid);
                var pagesDuTour = await Task.WhenAll(lecteurs.Select(l => LirePagesAsync(periode, l)));
                var serveurDuTour = await journal.LireAsync(PagePortfolio(), lecteurs.Count * LecturesParTour);
                if (tour == 0)
                {
                    continue;
                }
                serveur.AddRange(serveurDuTour);
                cpu += Hote.Cpu(pid) - cpuAvant;
                nues.AddRange(nuesDuTour.SelectMany(n => n));
                foreach (var (lecteur, (durees, erreurs)) in lecteurs.Zip(pagesDuTour))
                {
                    pages[lecteur.Qui].AddRange(durees);
                    echecs.AddRange(erreurs);
                }
                Console.WriteLine($"  tour {tour} : lecture nue p95 {Mesures.Ms(Mesures.Centile([.. nuesDuTour.SelectMany(n => n)], 95))}, "
                                  + string.Join(", ", lecteurs.Zip(pagesDuTour).GroupBy(x => x.First.Qui)
                                      .Select(g => $"page {g.Key} p95 {Mesures.Ms(Mesures.Centile([.. g.SelectMany(x => x.Second.Durees)], 95))}"))
                                  + $", temps serveur des pages p95 {Mesures.Ms(Mesures.Centile(serveurDuTour, 95))} (charge {Mesures.Charge()})");
            }

            var nueP95 = Mesures.Centile(nues, 95);
            var toutes = pages.Values.Sum(p => p.Count);
            Console.WriteLine();
            Console.WriteLine($"Portfolio : {Apprenants} apprenants d'une PFMP, {Tuteurs} tuteurs de deux apprenants ; par apprenant {Fiches} fiches activités "
                              + $"({Fiches / 2} soumises), {Entrees} entrées de journal dont {CommentairesParApprenant} commentées, un bilan commencé");
            Console.WriteLine($"{lecteurs.Count} utilisateurs à la fois ({lecteurs.Count(l => l.Qui == "apprenant")} apprenants, {lecteurs.Count(l => l.Qui == "tuteur")} tuteurs), "
                              + $"boucle fermée, {LecturesParTour} pages chacun par tour, {tours} tours (+ 1 de chauffe) ; {Environment.ProcessorCount} cœurs");
            foreach (var (cle, t) in tailles)
            {
                Console.WriteLine($"  Taille, {cle} : HTML {Ko(t.Html)} + CSS {Ko(t.Css)} = {Ko(t.Html + t.Css)} tels qu'envoyés (compression de l'hôte : {t.Encodage}) ; "
                                  + $"{Ko(t.Gzip)} si compressés en gzip ; la plus grande de {t.Nombre} pages");
            }
            Console.WriteLine($"  Lecture nue (5 SELECT en un lot, JSON analysé) : {Mesures.Resume(nues)}");
            foreach (var (qui, durees) in pages)
            {
                Console.WriteLine($"  Page portfolio, {qui}, vue du client : {Mesures.Resume(durees)}");
            }
            Console.WriteLine($"  Page portfolio, temps serveur (journal de l'hôte), apprenants et tuteurs : {Mesures.Resume(serveur)}");
            Console.WriteLine($"  CPU de l'hôte : {cpu.TotalMilliseconds / toutes:0.0} ms par page ; réponses autres que 200 : {echecs.Count}"
                              + (echecs.Count > 0 ? $" (première : {echecs[0]})" : ""));
            Console.WriteLine($"Charge de la machine (1 min) : {chargeAvant} au début, {chargePreparation} après la préparation, {Mesures.Charge()} à la fin");

            return
            [
                .. tailles.Select(t => new Ligne($"Taille HTML + CSS, page {t.Key}", Ko(t.Value.Html + t.Value.Css), $"< {Ko(CibleOctets)}",
                    t.Value.Html + t.Value.Css < CibleOctets)),
                new("Lecture nue des mêmes documents (p95)", Mesures.Ms(nueP95), "—", true),
                .. pages.Select(p => new Ligne($"Page portfolio, {p.Key}, vue du client (p95)", Mesures.Ms(Mesures.Centile(p.Value, 95)), "—", true)),
                new("Page portfolio, temps serveur (p95)", Mesures.Ms(Mesures.Centile(serveur, 95)), "—", true),
                new("Page portfolio, temps serveur / lecture nue (p95)", $"{Mesures.Centile(serveur, 95) / nueP95:0.00} ×", $"≤ {CibleTemps} ×",
                    Mesures.Centile(serveur, 95) / nueP95 <= CibleTemps),
                new("Pages refusées (≠ 200)", $"{echecs.Count} / {toutes + echecs.Count}", "0", echecs.Count == 0),
            ];
        }
        finally
        {
            lecteurs.ForEach(l => l.Portail.Dispose());
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^/portfolio/[0-9a-f-]{36}/[0-9a-f-]{36}$")]
    private static partial System.Text.RegularExpressions.Regex PagePortfolio();

    private static string Ko(int octets) => string.Create(CultureInfo.InvariantCulture, $"{octets / 1024.0:0.0} Ko");

    private static int Gzip(byte[] contenu)
    {
        using var sortie = new MemoryStream();
        using (var gzip = new GZipStream(sortie, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(contenu);
        }
        return (int)sortie.Length;
    }

    /// <summary>The page shows the whole portfolio: 8 fiches, 20 entries.</summary>
    private static void VerifierPortfolio(string html, string chemin, string qui)
    {
        var entrees = html.Split("<article class=\"carte\"").Length - 1;
        if (!html.Contains($"Fiches activités ({Fiches})", StringComparison.Ordinal) || entrees != Entrees)
        {
            throw new InvalidOperationException($"Page {chemin} ({qui}) : {Fiches} fiches et {Entrees} entrées attendues, {entrees} entrées trouvées.");
        }
    }

    private static async Task<List<TimeSpan>> LireNuAsync(NpgsqlDataSource source, string locataire, Guid periode, Lecteur lecteur)
    {
        var durees = new List<TimeSpan>();
        for (var i = 0; i < LecturesParTour; i++)
        {
            var (duree, documents) = await ReferencePortfolio.LireAsync(source, locataire, periode, lecteur.Portfolios[i % lecteur.Portfolios.Length]);
            // The period, the assignment, the fiches, the entries and their comments.
            if (documents != 2 + Fiches + Entrees + CommentairesParApprenant)
            {
                throw new InvalidOperationException($"Lecture nue : {documents} documents, {2 + Fiches + Entrees + CommentairesParApprenant} attendus.");
            }
            durees.Add(duree);
        }
        return durees;
    }

    private static async Task<(List<TimeSpan> Durees, List<string> Erreurs)> LirePagesAsync(Guid periode, Lecteur lecteur)
    {
        var (durees, erreurs) = (new List<TimeSpan>(), new List<string>());
        for (var i = 0; i < LecturesParTour; i++)
        {
            var chemin = $"/portfolio/{periode}/{lecteur.Portfolios[i % lecteur.Portfolios.Length]}";
            var (duree, statut, corps) = await lecteur.Portail.ChronometrerAsync(chemin);
            if (statut == 200)
            {
                durees.Add(duree);
            }
            else
            {
                erreurs.Add($"{chemin} ({lecteur.Qui}) : HTTP {statut} {Encoding.UTF8.GetString(corps)[..Math.Min(200, corps.Length)]}");
            }
        }
        return (durees, erreurs);
    }

    /// <summary>The journal entries commented: by the tutor every other one, by the referent every fourth from the second.</summary>
    private static bool CommenteParTuteur(int entree) => entree % 2 == 0;

    private static bool CommenteParReferent(int entree) => entree % 4 == 1;

    private static readonly int CommentairesParApprenant =
        Enumerable.Range(0, Entrees).Sum(e => (CommenteParTuteur(e) ? 1 : 0) + (CommenteParReferent(e) ? 1 : 0));

    /// <summary>Sets the establishment up through the API; the period and the 20 users of the closed loop, signed in
    /// through the sign-in page: learners 0 to 9 of the class, and the 10 tutors.</summary>
    private static async Task<(Guid Periode, List<Lecteur> Lecteurs)> PreparerAsync(Hote plateforme, Uri adresse, string courriels)
    {
        // Two divisions of 20 (the PFMP is D000's), two teachers: the first writes the annex and is the period's referent.
        using var mesure = await EtablissementMesure.CreerAsync(plateforme, adresse, courriels, MotDePasse, 2, Apprenants, 2);
        var export = mesure.Export;
        using var ddftp = await mesure.DdftpAsync();
        await EtablissementMesure.AbonnerAsync(ddftp, [export.Division(0), export.Division(1)]);

        // The official calendar of Seconde for the school year, with the PFMP slot the period takes.
        var annee = Mesures.AnneeScolaire();
        var (debut, fin) = (new DateOnly(annee + 1, 1, 4), new DateOnly(annee + 1, 1, 29));
        static object Officielle(string type, string libelle, DateOnly debut, DateOnly fin) => new { type, libelle, debut, fin };
        await ddftp.JsonAsync(HttpMethod.Put, $"/api/periodes/officielles/{EtablissementMesure.Referentiel}/SECONDE?annee={annee}", new
        {
            version = (string?)null,
            periodes = new[]
            {
                Officielle("trimestre", "Trimestre 1", new DateOnly(annee, 9, 1), new DateOnly(annee, 11, 30)),
                Officielle("trimestre", "Trimestre 2", new DateOnly(annee, 12, 1), new DateOnly(annee + 1, 2, 28)),
                Officielle("trimestre", "Trimestre 3", new DateOnly(annee + 1, 3, 1), new DateOnly(annee + 1, 7, 4)),
                Officielle("pfmp", "PFMP 1", debut, fin),
                Officielle("pfmp", "PFMP 2", new DateOnly(annee + 1, 5, 3), new DateOnly(annee + 1, 5, 28)),
            },
        });

        var (nomProf, prenomProf) = export.Personnels().Select(p => (p.Nom, p.Prenom)).First();
        var loginProf = await mesure.ChoisirMotDePasseAsync(c => EtablissementMesure.Nomme(c, "Enseignant", nomProf, prenomProf));
        using var referent = await mesure.ConnecterAsync(loginProf);
        var annexe = await referent.JsonAsync(HttpMethod.Post, "/api/periodes/annexes", new
        {
            referentiel = EtablissementMesure.Referentiel, niveauClasse = "SECONDE", titre = "PFMP 1 — Câblage et appareillages", pourApprentis = false,
            objectifs = "Découvrir un chantier de rénovation : préparer, câbler et poser les appareillages sous la conduite du tuteur.",
            taches = Taches,
        });
        var profId = (await mesure.Admin.JsonAsync(HttpMethod.Get, $"/api/etablissements/{mesure.Uai}/utilisateurs?profil=Enseignant")).EnumerateArray()
            .Single(u => u.GetProperty("login").GetString() == loginProf).GetProperty("id").GetGuid();
        var classe = (await ddftp.JsonAsync(HttpMethod.Get, $"/api/periodes/entreprise/apprenants?annexeId={annexe.GetProperty("id").GetGuid()}")).EnumerateArray()
            .Where(a => a.GetProperty("division").GetString() == export.Division(0)).ToList();
        Egal(classe.Count, Apprenants, $"apprenants de {export.Division(0)}");
        var periode = (await ddftp.JsonAsync(HttpMethod.Post, "/api/periodes/entreprise", new
        {
            annexeId = annexe.GetProperty("id").GetGuid(), type = "pfmp", debut, fin, referents = new[] { profId },
            apprenants = classe.Select(a => a.GetProperty("utilisateurId").GetGuid()).ToArray(),
        })).GetProperty("id").GetGuid();

        // Each learner's company; tutor t supervises learners 2t and 2t + 1 (the second assignment reuses the account).
        var ids = classe.Select(a => a.GetProperty("utilisateurId").GetGuid()).ToArray();
        string Courriel(int t) => $"tuteur{t}.{mesure.Uai.ToLowerInvariant()}@example.org";
        for (var k = 0; k < Apprenants; k++)
        {
            await ddftp.JsonAsync(HttpMethod.Put, $"/api/periodes/entreprise/{periode}/apprenants/{ids[k]}", new
            {
                entrepriseNom = $"Élec Services {k / 2 + 1}", entrepriseSiret = "73282932000074", entrepriseAdresse = $"{k + 1} rue des Ampères, 75011 Paris",
                tuteurNom = "TUTEUR", tuteurPrenom = $"Claire{k / 2}", tuteurEmail = Courriel(k / 2), tuteurTelephone = "01 23 45 67 89",
            });
        }
        var tuteurs = new List<(string Login, Hote Api)>();
        for (var t = 0; t < Tuteurs; t++)
        {
            var courriel = await EtablissementMesure.CourrielAsync(courriels, Courriel(t));
            var login = EtablissementMesure.Identifiant(courriel);
            await mesure.ChoisirMotDePasseAsync(login, EtablissementMesure.CodeProvisoire(courriel));
            tuteurs.Add((login, await mesure.ConnecterAsync(login)));
        }
        var apprenants = new List<(string Login, Hote Api)>();
        foreach (var a in classe)
        {
            var login = await mesure.ChoisirMotDePasseAsync(c => EtablissementMesure.Nomme(c, "Eleve", a.GetProperty("nom").GetString(), a.GetProperty("prenom").GetString())
                                                                 && c.GetProperty("division").GetString() == export.Division(0));
            apprenants.Add((login, await mesure.ConnecterAsync(login)));
        }

        // The portfolios, written as their authors would, the 20 learners' at once.
        var jours = Enumerable.Range(0, fin.DayNumber - debut.DayNumber + 1).Select(debut.AddDays)
            .Where(j => j.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        await Task.WhenAll(Enumerable.Range(0, Apprenants).Select(k =>
            EcrirePortfolioAsync($"/api/portfolio/periodes/{periode}/apprenants/{ids[k]}", apprenants[k].Api, tuteurs[k / 2].Api, referent, jours)));
        tuteurs.ForEach(t => t.Api.Dispose());
        apprenants.ForEach(a => a.Api.Dispose());

        var lecteurs = new List<Lecteur>();
        for (var i = 0; i < Tuteurs; i++)
        {
            lecteurs.Add(new Lecteur("apprenant", await Portail.ConnecterAsync(adresse, apprenants[i].Login, MotDePasse), [ids[i]]));
            lecteurs.Add(new Lecteur("tuteur", await Portail.ConnecterAsync(adresse, tuteurs[i].Login, MotDePasse), [ids[2 * i], ids[(2 * i) + 1]]));
        }
        return (periode, lecteurs);
    }

    /// <summary>One learner's portfolio: fiches (half submitted), journal entries on the period's working days, the
    /// comments of their tutor and referent, the bilan started by the tutor.</summary>
    private static async Task EcrirePortfolioAsync(string racine, Hote apprenant, Hote tuteur, Hote referent, List<DateOnly> jours)
    {
        for (var f = 0; f < Fiches; f++)
        {
            var fiche = await apprenant.JsonAsync(HttpMethod.Post, $"{racine}/fiches", new
            {
                titre = $"Activité {f + 1} : pose d'appareillages dans une cuisine rénovée", debut = jours[(f * 2) % jours.Count], fin = (DateOnly?)null,
                contexte = "Appartement en rénovation, avec le chef d'équipe et un autre apprenti ; plans et schémas fournis par le bureau d'études.",
                realisation = "J'ai lu le plan, repéré les boîtes d'encastrement, tiré les câbles depuis le tableau, posé quatre prises et deux interrupteurs, "
                              + "puis vérifié la continuité des conducteurs de protection avec le chef d'équipe avant la mise sous tension.",
                taches = Taches,
            });
            if (f % 2 == 0)
            {
                var soumise = await apprenant.JsonAsync(HttpMethod.Post, $"{racine}/fiches/{fiche.GetProperty("id").GetGuid()}/soumission",
                    new { version = fiche.GetProperty("version").GetInt32() });
                // The referent reviews the first: its competences are those the bilan positions.
                if (f == 0)
                {
                    await referent.JsonAsync(HttpMethod.Put, $"{racine}/fiches/{soumise.GetProperty("id").GetGuid()}/revue",
                        new { version = soumise.GetProperty("version").GetInt32(), taches = new[] { Taches[1] }, items = new[] { "C1", "C2.3" } });
                }
            }
        }
        for (var e = 0; e < Entrees; e++)
        {
            var entree = await apprenant.JsonAsync(HttpMethod.Post, $"{racine}/journal", new
            {
                date = jours[e % jours.Count], semaine = false, taches = e % 3 == 0 ? Taches : [Taches[e % 2]],
                texte = $"Jour {e + 1}. Le matin, préparation du chantier avec le chef d'équipe : lecture du plan, liste du matériel, vérification des outils "
                        + "et des EPI. L'après-midi, saignées et pose des boîtes d'encastrement dans la cuisine, puis tirage des câbles vers le tableau. "
                        + "J'ai appris à repérer les circuits et à respecter les sections selon les protections.",
            });
            var id = entree.GetProperty("id").GetGuid();
            if (CommenteParTuteur(e))
            {
                await tuteur.JsonAsync(HttpMethod.Post, $"{racine}/journal/{id}/commentaires",
                    new { texte = "Travail soigné et consignes de sécurité respectées ; pense à noter les sections utilisées pour chaque circuit." });
            }
            if (CommenteParReferent(e))
            {
                await referent.JsonAsync(HttpMethod.Post, $"{racine}/journal/{id}/commentaires",
                    new { texte = "Bien : relie cette journée aux tâches T2.1 et T2.3 du référentiel dans ta prochaine fiche activité." });
            }
        }
        var bilan = await tuteur.JsonAsync(HttpMethod.Get, $"{racine}/bilan");
        await tuteur.JsonAsync(HttpMethod.Put, $"{racine}/bilan", new
        {
            version = bilan.GetProperty("version").GetInt32(), mode = "competences", niveaux = new Dictionary<string, string> { ["C1"] = "3", ["C2"] = "2" },
            commentaire = "Apprenant sérieux et ponctuel, bien intégré dans l'équipe.",
        });
    }

    private static void Egal(int lu, int attendu, string quoi)
    {
        if (lu != attendu)
        {
            throw new InvalidOperationException($"Donnée inattendue : {quoi} = {lu}, attendu {attendu}.");
        }
    }
}
