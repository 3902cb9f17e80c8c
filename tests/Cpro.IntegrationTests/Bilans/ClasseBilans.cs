using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.IntegrationTests.Portfolio;
using Cpro.IntegrationTests.Scenarios;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Bilans;

/// <summary>What the bilans tests start from: the <see cref="Pfmp"/> establishment (Léa, Hugo, Inès in 2MELEC1 taught by the
/// professor, Léa's tutor on a PFMP) with the Seconde's official periods of the current school year: « Semestre 1 » from
/// 1 September (always begun) to 31 January, « Semestre 2 » to 4 July, a PFMP slot.</summary>
internal sealed class ClasseBilans : IDisposable
{
    public required Pfmp Pfmp { get; init; }
    public required Guid Semestre1 { get; init; }
    public required Guid Semestre2 { get; init; }
    public required Guid PfmpOfficielle { get; init; }

    public Classe Classe => Pfmp.Classe;
    public Guid Lea => Pfmp.Lea;
    public HttpClient Professeur => Pfmp.Referent;
    public HttpClient Ddftp => Pfmp.Ddftp;

    public static async Task<ClasseBilans> CreerAsync(CproFactory factory)
    {
        var pfmp = await Pfmp.CreerAsync(factory);
        var annee = AnneeCourante;
        string Jour(int an, int mois, int jour) => new DateOnly(an, mois, jour).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var enregistrement = await pfmp.Ddftp.PutAsJsonAsync($"/api/periodes/officielles/{Classe.Referentiel}/SECONDE?annee={annee}", new
        {
            version = (string?)null,
            periodes = new[]
            {
                new { type = "semestre", libelle = "Semestre 1", debut = Jour(annee, 9, 1), fin = Jour(annee + 1, 1, 31) },
                new { type = "semestre", libelle = "Semestre 2", debut = Jour(annee + 1, 2, 1), fin = Jour(annee + 1, 7, 4) },
                new { type = "pfmp", libelle = "PFMP A", debut = Jour(annee + 1, 5, 4), fin = Jour(annee + 1, 5, 29) },
            },
        });
        Assert.True(enregistrement.IsSuccessStatusCode, await enregistrement.Content.ReadAsStringAsync());
        var periodes = (await pfmp.Ddftp.GetFromJsonAsync<JsonElement[]>($"/api/periodes/officielles?annee={annee}&niveau=SECONDE"))!
            .ToDictionary(p => p.GetProperty("libelle").GetString()!, p => p.GetProperty("id").GetGuid());
        return new ClasseBilans { Pfmp = pfmp, Semestre1 = periodes["Semestre 1"], Semestre2 = periodes["Semestre 2"], PfmpOfficielle = periodes["PFMP A"] };
    }

    /// <summary>A grid of a new scenario dated <paramref name="date"/> (by default 2 September), where the professor gives
    /// Léa <paramref name="niveau"/> on C1 and 2 on C2; returns the evaluation's id and its grid's version.</summary>
    public async Task<(Guid Evaluation, int Version)> EvaluerAsync(string niveau, DateOnly? date = null)
    {
        var scenario = (await ScenariosTests.CreerAsync(Professeur, ScenariosTests.Scenario())).GetProperty("id").GetGuid();
        var jour = (date ?? new DateOnly(AnneeCourante, 9, 2)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var creation = await Professeur.PostAsJsonAsync($"/api/scenarios/{scenario}/evaluations", new { date = jour, apprenants = new[] { Lea } });
        Assert.Equal(HttpStatusCode.Created, creation.StatusCode);
        var evaluation = (await creation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (evaluation, await NoterAsync(evaluation, 0, niveau));
    }

    /// <summary>Saves Léa's C1 (and C2 = 2) on the grid from its version; returns the new version.</summary>
    public async Task<int> NoterAsync(Guid evaluation, int version, string niveau)
    {
        var sauvegarde = await Professeur.PutAsJsonAsync($"/api/scenarios/evaluations/{evaluation}/grille", new
        {
            versionGrille = version,
            cellules = new[] { new { apprenant = Lea, item = "C1", valeur = niveau, commentaire = (string?)null }, new { apprenant = Lea, item = "C2", valeur = "2", commentaire = (string?)null } },
        });
        Assert.True(sauvegarde.IsSuccessStatusCode, await sauvegarde.Content.ReadAsStringAsync());
        return (await sauvegarde.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versionGrille").GetInt32();
    }

    /// <summary>The professor starts a learner's bilan on <paramref name="periode"/> (Semestre 1 by default).</summary>
    public async Task<JsonElement> CommencerAsync(Guid? apprenant = null, string? periode = null)
    {
        var reponse = await Professeur.PostAsJsonAsync($"/api/bilans/apprenants/{apprenant ?? Lea}", new { periode = periode ?? Semestre1.ToString(), referentiel = Classe.Referentiel });
        Assert.True(reponse.StatusCode == HttpStatusCode.Created, await reponse.Content.ReadAsStringAsync());
        return await reponse.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> FinaliserAsync(JsonElement bilan)
    {
        var reponse = await Professeur.PostAsJsonAsync($"/api/bilans/{bilan.GetProperty("id")}/finalisation", new { version = bilan.GetProperty("version").GetInt32() });
        Assert.True(reponse.IsSuccessStatusCode, await reponse.Content.ReadAsStringAsync());
        return await reponse.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static JsonElement Competence(JsonElement bilan, string code) =>
        bilan.GetProperty("competences").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);

    public void Dispose() => Pfmp.Dispose();
}
