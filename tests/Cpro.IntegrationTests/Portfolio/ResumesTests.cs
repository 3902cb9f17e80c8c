using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cpro.Etablissements.Courriels;
using Cpro.Etablissements.Domain;
using Cpro.IntegrationTests.Infrastructure;
using Cpro.Portfolio.Features;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.IntegrationTests.Portfolio;

/// <summary>A submitted fiche and a new journal entry reach the referents and the tutor in one digest a day, unless they
/// turned notifications off; the learner is not told of their own work; nothing goes to another establishment.</summary>
[Collection(CproCollection.Name)]
public sealed class ResumesTests(CproFactory factory)
{
    private const string Objet = "Cpro : ce qui s'est passé dans les portfolios que vous suivez";

    [Fact]
    public async Task One_digest_a_day_per_person_with_both_events_none_for_who_turned_them_off_nor_the_learner_nor_another_establishment()
    {
        using var pfmp = await Pfmp.CreerAsync(factory);
        var etablissement = await factory.EtablissementIdAsync(pfmp.Classe.Uai);
        var referent = $"referent.{Guid.NewGuid():N}@example.org";
        await using (var session = factory.Documents(etablissement))
        {
            var compte = await session.LoadAsync<Utilisateur>(pfmp.Classe.CompteId(pfmp.Classe.Professeur));
            compte!.Email = referent;
            session.Update(compte);
            var lea = await session.LoadAsync<Utilisateur>(pfmp.Lea);
            lea!.Email = $"lea.{Guid.NewGuid():N}@example.org";
            session.Update(lea);
            await session.SaveChangesAsync();
        }
        var tuteur = Ligne(await pfmp.Ddftp.GetFromJsonAsync<JsonElement>($"/api/periodes/entreprise/{pfmp.PeriodeId}"), pfmp.Lea).GetProperty("tuteur").GetProperty("email").GetString()!;
        var titre = $"Pose de prises {Guid.NewGuid():N}";
        await pfmp.FicheAsync(soumise: true, titre: titre);
        Assert.Equal(HttpStatusCode.Created, (await pfmp.Eleve.PostAsJsonAsync($"{pfmp.Base}/journal", new { date = "2027-01-05", texte = "Accueil." })).StatusCode);
        var service = factory.Services.GetRequiredService<EnvoyerResumes.Service>();
        var maintenant = DateTimeOffset.UtcNow;

        // The day's events wait for the next day's round; that round writes one digest each; a later round that day none.
        await service.EnvoyerAsync(maintenant, CancellationToken.None);
        Assert.Empty(await ResumesAsync(etablissement, titre));
        await service.EnvoyerAsync(maintenant.AddDays(1), CancellationToken.None);
        await service.EnvoyerAsync(maintenant.AddDays(1).AddHours(1), CancellationToken.None);
        var resumes = await ResumesAsync(etablissement, titre);
        Assert.Equal(new[] { referent, tuteur }.Order(StringComparer.Ordinal), resumes.Select(r => r.Destinataire).Order(StringComparer.Ordinal));
        foreach (var (_, corps) in resumes)
        {
            Assert.Contains($"Lea MARTIN a soumis la fiche activités « {titre} ».", corps, StringComparison.Ordinal);
            Assert.Contains("Lea MARTIN a écrit dans son journal de bord (le 05/01/2027).", corps, StringComparison.Ordinal);
            Assert.Contains($"/portfolio/{pfmp.PeriodeId}/{pfmp.Lea}", corps, StringComparison.Ordinal);
        }
        // Another establishment's outboxes hold none of it.
        await using (var tous = factory.Documents())
        {
            var boite = factory.Services.CreateScope().ServiceProvider.GetRequiredService<BoiteEnvoi>();
            var partout = (await tous.Query<Courriel>().Where(c => c.AnyTenant() && c.Objet == Objet).ToListAsync()).Count(c => boite.Corps(c).Contains(titre, StringComparison.Ordinal));
            Assert.Equal(2, partout);
        }

        // The tutor turns them off: the next day's digest reaches the referent only.
        Assert.True((await pfmp.Tuteur.GetFromJsonAsync<JsonElement>("/api/etablissements/moi/preferences")).GetProperty("notifications").GetBoolean());
        Assert.Contains("<input id=\"notifications\" type=\"checkbox\" name=\"Notifications\" value=\"true\" checked", await pfmp.Tuteur.GetStringAsync("/preferences"),
            StringComparison.Ordinal);
        (await pfmp.Tuteur.PutAsJsonAsync("/api/etablissements/moi/preferences", new { notifications = false })).EnsureSuccessStatusCode();
        var second = $"Tirage de câbles {Guid.NewGuid():N}";
        await pfmp.FicheAsync(soumise: true, titre: second);
        await service.EnvoyerAsync(maintenant.AddDays(2), CancellationToken.None);
        Assert.Equal([referent], (await ResumesAsync(etablissement, second)).Select(r => r.Destinataire));
    }

    private static JsonElement Ligne(JsonElement periode, Guid apprenant) =>
        periode.GetProperty("apprenants").EnumerateArray().Single(a => a.GetProperty("apprenantId").GetGuid() == apprenant);

    /// <summary>The digests in the establishment's outbox that mention this text, with their bodies.</summary>
    private async Task<List<(string Destinataire, string Corps)>> ResumesAsync(Guid etablissement, string texte)
    {
        await using var session = factory.Documents(etablissement);
        var boite = factory.Services.CreateScope().ServiceProvider.GetRequiredService<BoiteEnvoi>();
        return [.. (await session.Query<Courriel>().Where(c => c.Objet == Objet).ToListAsync())
            .Select(c => (c.Destinataire, Corps: boite.Corps(c))).Where(c => c.Corps.Contains(texte, StringComparison.Ordinal))];
    }
}
