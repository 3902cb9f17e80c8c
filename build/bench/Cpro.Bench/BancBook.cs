using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Cpro.Bench;

/// <summary>Issue 14's book export: a learner's book of 20 réussites, each told in about 1,500 characters, illustrated with
/// a phone-sized photo (sent at 2000 × 1333, kept reduced by the host) and tied to three competences, written through the API.
/// Measured: the export of the PDF (cover + 20 pages) through the host, from the request to its last byte, beside PDFsharp
/// alone writing the same cover and 20 pages from memory in this process (<see cref="ReferenceBook"/>), in the same rounds.</summary>
internal static partial class BancBook
{
    private const int Reussites = 20, ParTour = 5;
    private const string MotDePasse = "Banc-Book-Cpro-2026";
    private const double Cible = 3;

    public static async Task<IReadOnlyList<Ligne>> MesurerAsync(Hote plateforme, Uri adresse, int pid, int tours, string courriels)
    {
        var chargeAvant = Mesures.Charge();
        // Two divisions of one learner (the synthetic export needs two): the book is the first one's.
        using var mesure = await EtablissementMesure.CreerAsync(plateforme, adresse, courriels, MotDePasse, 2, 1, 1);
        using (var ddftp = await mesure.DdftpAsync())
        {
            await EtablissementMesure.AbonnerAsync(ddftp, [mesure.Export.Division(0)]);
            await ddftp.JsonAsync(HttpMethod.Put, "/api/book/activation", new { actif = true });
        }
        var (_, nom, prenom, _, _) = mesure.Export.Apprenants().First();
        using var eleve = await mesure.SessionAsync(c => EtablissementMesure.Nomme(c, "Eleve", nom, prenom));
        var photo = Photo();
        var pages = new List<ReferenceBook.Page>();
        for (var i = 0; i < Reussites; i++)
        {
            var (titre, fait, appris) = ($"Réussite {i + 1} : câblage d'un tableau de distribution", Texte("J'ai", 900, i), Texte("J'ai appris", 600, i));
            var reussite = await eleve.JsonAsync(HttpMethod.Post, "/api/book/reussites", new
            {
                titre, lieu = "entreprise", contexte = $"Élec Services {i + 1}", date = "2026-11-12", ceQueJaiFait = fait, ceQueJaiAppris = appris,
                competences = new[] { "C1", "C2", "C4" },
            });
            var id = reussite.GetProperty("id").GetGuid();
            var media = await eleve.EnvoyerFichierAsync($"/api/book/reussites/{id}/medias", $"photo{i}.jpg", photo);
            var (_, gardee) = await eleve.TelechargerAsync($"/api/book/reussites/{id}/medias/{media.GetProperty("id").GetGuid()}");
            var competences = reussite.GetProperty("competences").EnumerateArray().Select(c => $"{c.GetProperty("code").GetString()} {c.GetProperty("intitule").GetString()}");
            pages.Add(new ReferenceBook.Page(titre, $"En entreprise — Élec Services {i + 1} — le 12/11/2026",
                [.. Lignes(fait).Prepend("Ce que j'ai fait"), .. Lignes(appris).Prepend("Ce que j'ai appris")], gardee, [.. competences]));
        }
        var chargePreparation = Mesures.Charge();

        // Round 0 warms up both sides (JIT, fonts, pools) and is not counted; each round runs the baseline, then the exports.
        var (exports, references) = (new List<TimeSpan>(), new List<TimeSpan>());
        var (taille, tailleReference, pagesPdf) = (0, 0, 0);
        var cpu = TimeSpan.Zero;
        for (var tour = 0; tour <= tours; tour++)
        {
            var referencesDuTour = new List<TimeSpan>();
            for (var i = 0; i < ParTour; i++)
            {
                var chrono = Stopwatch.StartNew();
                tailleReference = ReferenceBook.Ecrire("Mon book", pages).Length;
                referencesDuTour.Add(chrono.Elapsed);
            }
            var exportsDuTour = new List<TimeSpan>();
            var cpuAvant = Hote.Cpu(pid);
            for (var i = 0; i < ParTour; i++)
            {
                var (duree, pdf) = await eleve.TelechargerAsync("/api/book/export.pdf");
                exportsDuTour.Add(duree);
                taille = pdf.Length;
                pagesPdf = PageRegex().Count(Encoding.Latin1.GetString(pdf));
            }
            if (tour == 0)
            {
                continue;
            }
            cpu += Hote.Cpu(pid) - cpuAvant;
            exports.AddRange(exportsDuTour);
            references.AddRange(referencesDuTour);
            Console.WriteLine($"  tour {tour} : PDFsharp seul médiane {Mesures.Ms(Mesures.Mediane(referencesDuTour))}, export médiane {Mesures.Ms(Mesures.Mediane(exportsDuTour))} "
                              + $"(charge {Mesures.Charge()})");
        }
        if (pagesPdf != 1 + Reussites)
        {
            throw new InvalidOperationException($"Export : {pagesPdf} pages, {1 + Reussites} attendues.");
        }

        var (export, reference) = (Mesures.Mediane(exports), Mesures.Mediane(references));
        Console.WriteLine();
        Console.WriteLine($"Book : {Reussites} réussites d'environ 1 500 caractères, une photo 2000 × 1333 envoyée (gardée réduite) et 3 compétences chacune ; "
                          + $"{tours} tours (+ 1 de chauffe) de {ParTour} exports et {ParTour} écritures PDFsharp seul ; {Environment.ProcessorCount} cœurs");
        Console.WriteLine($"  PDFsharp seul (même couverture et mêmes pages, depuis la mémoire) : {Mesures.Resume(references)} ; {tailleReference / 1024} Ko");
        Console.WriteLine($"  Export par l'hôte (requête jusqu'au dernier octet) : {Mesures.Resume(exports)} ; {taille / 1024} Ko, {pagesPdf} pages");
        Console.WriteLine($"  CPU de l'hôte : {cpu.TotalMilliseconds / exports.Count:0.0} ms par export");
        Console.WriteLine($"Charge de la machine (1 min) : {chargeAvant} au début, {chargePreparation} après la préparation, {Mesures.Charge()} à la fin");
        return
        [
            new("PDFsharp seul, 1 + 20 pages (médiane)", Mesures.Ms(reference), "—", true),
            new("Export du book, 1 + 20 pages (médiane)", Mesures.Ms(export), "—", true),
            new("Export / PDFsharp seul", $"{export / reference:0.00} ×", $"≤ {Cible} ×", export / reference <= Cible),
        ];
    }

    /// <summary>About <paramref name="longueur"/> characters of a learner's words, a little different per réussite.</summary>
    private static string Texte(string debut, int longueur, int rang)
    {
        var texte = new StringBuilder(debut);
        string[] phrases =
        [
            " préparé le chantier avec mon tuteur et relevé le schéma existant.", " coupé l'alimentation et vérifié l'absence de tension.",
            " tiré les câbles dans les gaines, en respectant les sections prévues.", " raccordé les disjoncteurs différentiels et serré chaque borne.",
            " étiqueté chaque départ pour que le client s'y retrouve.", " contrôlé l'installation avant la remise sous tension.",
        ];
        for (var i = rang; texte.Length < longueur; i++)
        {
            texte.Append(phrases[i % phrases.Length]);
        }
        return texte.ToString();
    }

    /// <summary>The text cut into lines of at most 95 characters at spaces, as the baseline draws them.</summary>
    private static List<string> Lignes(string texte)
    {
        var (lignes, ligne) = (new List<string>(), new StringBuilder());
        foreach (var mot in texte.Split(' '))
        {
            if (ligne.Length + mot.Length + 1 > 95)
            {
                lignes.Add(ligne.ToString());
                ligne.Clear();
            }
            ligne.Append(ligne.Length == 0 ? mot : $" {mot}");
        }
        lignes.Add(ligne.ToString());
        return lignes;
    }

    /// <summary>A phone-sized JPEG (a switchboard in front of a wall), as a learner sends it.</summary>
    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(2000, 1333);
        using (var canevas = new SKCanvas(bitmap))
        {
            using var degrade = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(2000, 1333), [new SKColor(0xD8, 0xD2, 0xC4), new SKColor(0x8A, 0x84, 0x78)],
                    SKShaderTileMode.Clamp),
            };
            canevas.DrawRect(0, 0, 2000, 1333, degrade);
            using var disjoncteur = new SKPaint { Color = new SKColor(0x2B, 0x5F, 0x9E) };
            for (var i = 0; i < 24; i++)
            {
                canevas.DrawRect(400 + i % 12 * 100, 300 + i / 12 * 400, 70, 250, disjoncteur);
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var donnees = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return donnees.ToArray();
    }

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageRegex();
}
