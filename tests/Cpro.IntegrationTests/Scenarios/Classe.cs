using System.Net.Http.Json;
using System.Text.Json;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Kernel.Identity;
using static Cpro.IntegrationTests.Siecle.Fixtures;

namespace Cpro.IntegrationTests.Scenarios;

/// <summary>An establishment as the scenario tests need it: imported from SIECLE and STS-web (two Seconde classes and
/// a Première, their learners, two teachers, one teaching 2MELEC1), subscribed by its DDFTP to Bac Pro MELEC with both
/// Seconde classes. Imported accounts choose their password here, as at a first sign-in.</summary>
internal sealed class Classe
{
    public const string Referentiel = "BACPRO-MELEC";
    public const string MotDePasse = "Mot-de-passe-choisi-2026";

    public required string Uai { get; init; }
    public required HttpClient Admin { get; init; }
    public required HttpClient Ddftp { get; init; }
    /// <summary>Teaches 2MELEC1 (STS-web service).</summary>
    public required string Professeur { get; init; }
    /// <summary>A teacher with no class in STS-web.</summary>
    public required string Collegue { get; init; }
    /// <summary>Login per learner's first name: Lea, Hugo, Ines (2MELEC1), Nina, Theo (2MELEC2), Zoe (1MELEC).</summary>
    public required IReadOnlyDictionary<string, string> Apprenants { get; init; }
    public required IReadOnlyDictionary<string, Guid> Ids { get; init; }
    /// <summary>The learners as first imported, to import them again changed.</summary>
    public required IReadOnlyList<Eleve> Inscrits { get; init; }

    /// <summary>Names for the learners added to 2MELEC1 by <see cref="CreerAsync"/> (a class of 30 in Seconde with 25).</summary>
    private static readonly (string Nom, string Prenom)[] Autres =
    [
        ("BERNARD", "Adam"), ("DUBOIS", "Alice"), ("THOMAS", "Jules"), ("ROBERT", "Chloe"), ("RICHARD", "Louis"), ("SIMON", "Emma"),
        ("LAURENT", "Gabriel"), ("MICHEL", "Jade"), ("GARCIA", "Arthur"), ("DAVID", "Louise"), ("BERTRAND", "Raphael"), ("ROUX", "Mila"),
        ("VINCENT", "Paul"), ("FOURNIER", "Rose"), ("MOREL", "Nathan"), ("GIRARD", "Anna"), ("ANDRE", "Tom"), ("MERCIER", "Julia"),
        ("DUPONT", "Sacha"), ("LAMBERT", "Lina"), ("BONNET", "Noah"), ("FRANCOIS", "Manon"), ("MARTINEZ", "Ethan"), ("LEGRAND", "Camille"),
        ("GARNIER", "Enzo"),
    ];

    /// <param name="autres">How many more learners 2MELEC1 has (up to 25).</param>
    public static async Task<Classe> CreerAsync(CproFactory factory, int autres = 0)
    {
        var uai = await factory.CreerEtablissementAsync();
        var admin = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Administrateur));
        var ddftp = await factory.ClientAsync(await factory.CreerUtilisateurAsync(uai, Profils.Ddftp));
        Eleve[] eleves =
        [
            new("1", "110000001AA", "MARTIN", "Lea", "2MELEC1"), new("2", "110000002AA", "PETIT", "Hugo", "2MELEC1"),
            new("3", "110000003AA", "DURAND", "Ines", "2MELEC1"), new("4", "110000004AA", "LEROY", "Nina", "2MELEC2"),
            new("5", "110000005AA", "MOREAU", "Theo", "2MELEC2"), new("6", "110000006AA", "FAURE", "Zoe", "1MELEC"),
            .. Autres.Take(autres).Select((a, i) => new Eleve($"{i + 7}", $"1100001{i:00}AA", a.Nom, a.Prenom, "2MELEC1")),
        ];
        var sts = Sts(uai, [new Individu("900", "VOLTA", "Alessandro"), new Individu("901", "AMPERE", "Andre")],
            [("2MELEC1", "24023302210", ["900"]), ("2MELEC2", "24023302210", []), ("1MELEC", "24023302210", [])], []);
        var import = await admin.PostAsync($"/api/etablissements/{uai}/imports",
            Formulaire(("ElevesSansAdresses.xml", Octets(Eleves(uai, eleves))), ($"sts_emp_{uai}_{AnneeCourante}.xml", Octets(sts))));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var abonnement = await ddftp.PutAsJsonAsync($"/api/referentiels/abonnements/{Referentiel}",
            new { niveaux = new[] { new { niveauClasse = "SECONDE", divisions = new[] { "2MELEC1", "2MELEC2" } }, new { niveauClasse = "PREMIERE", divisions = new[] { "1MELEC" } } } });
        Assert.True(abonnement.IsSuccessStatusCode, await abonnement.Content.ReadAsStringAsync());

        var acces = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/etablissements/{uai}/acces?public=tous"))!;
        string Login(string nom) => acces.Single(a => a.GetProperty("nom").GetString() == nom).GetProperty("login").GetString()!;
        using var anonyme = factory.CreateClient();
        foreach (var a in acces)
        {
            var changement = await anonyme.PostAsJsonAsync("/api/auth/mot-de-passe", new
            {
                login = a.GetProperty("login").GetString(), motDePasseActuel = a.GetProperty("code").GetString(), nouveauMotDePasse = MotDePasse,
            });
            changement.EnsureSuccessStatusCode();
        }
        var utilisateurs = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/etablissements/{uai}/utilisateurs"))!;
        var apprenants = eleves.ToDictionary(e => e.Prenom, e => Login(e.Nom));
        return new Classe
        {
            Uai = uai, Admin = admin, Ddftp = ddftp, Professeur = Login("VOLTA"), Collegue = Login("AMPERE"), Apprenants = apprenants, Inscrits = eleves,
            CompteId = login => utilisateurs.Single(u => u.GetProperty("login").GetString() == login).GetProperty("id").GetGuid(),
            Ids = apprenants.ToDictionary(a => a.Key, a => utilisateurs.Single(u => u.GetProperty("login").GetString() == a.Value).GetProperty("id").GetGuid()),
        };
    }

    /// <summary>The colleague's account id (to name them co-author).</summary>
    public Guid CollegueId => CompteId(Collegue);

    public required Func<string, Guid> CompteId { get; init; }

    /// <summary>A new SIECLE import of the learners: one given another division moves there, one left out is deactivated.</summary>
    public async Task ReimporterAsync(IEnumerable<Eleve> eleves)
    {
        var import = await Admin.PostAsync($"/api/etablissements/{Uai}/imports", Formulaire(("ElevesSansAdresses.xml", Octets(Eleves(Uai, eleves)))));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
    }

    public static Task<HttpClient> ClientAsync(CproFactory factory, string login) => factory.ClientAsync(login, MotDePasse);
}
