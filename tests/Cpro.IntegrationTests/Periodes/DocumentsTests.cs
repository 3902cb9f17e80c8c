using Cpro.IntegrationTests.Infrastructure;
using Cpro.Periodes.Domain;
using JasperFx;

namespace Cpro.IntegrationTests.Periodes;

/// <summary>The module's versioned documents refuse a write from a stale revision, and a learner is once on a period.</summary>
[Collection(CproCollection.Name)]
public sealed class DocumentsTests(CproFactory factory)
{
    private static readonly DateTimeOffset Le = new(2026, 9, 14, 9, 15, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_annex_saved_from_a_stale_revision_is_refused()
    {
        var annexe = Annexe();
        await DocumentChecks.StaleRevisionRefusedAsync(factory, Guid.NewGuid(), annexe, annexe.Id, a => a.Titre = "Première", a => a.Titre = "Seconde");
    }

    [Fact]
    public async Task A_company_period_saved_from_a_stale_revision_is_refused()
    {
        var periode = PeriodeEntreprise();
        await DocumentChecks.StaleRevisionRefusedAsync(factory, Guid.NewGuid(), periode, periode.Id, p => p.Titre = "Première", p => p.Titre = "Seconde");
    }

    [Fact]
    public async Task A_learner_is_once_on_a_period_of_an_establishment_and_another_establishment_is_another_scope()
    {
        var (periode, apprenant) = (Guid.NewGuid(), Guid.NewGuid());
        var etablissement = Guid.NewGuid();
        await using (var session = factory.Documents(etablissement))
        {
            session.Insert(Affectation(periode, apprenant));
            await session.SaveChangesAsync();
        }

        await using (var session = factory.Documents(etablissement))
        {
            session.Insert(Affectation(periode, apprenant));
            await Assert.ThrowsAsync<DocumentAlreadyExistsException>(() => session.SaveChangesAsync());
        }
        await using (var ailleurs = factory.Documents(Guid.NewGuid()))
        {
            ailleurs.Insert(Affectation(periode, apprenant));
            await ailleurs.SaveChangesAsync();
        }
    }

    private static AnnexePedagogique Annexe() => new()
    {
        Referentiel = "BACPRO-MELEC", NiveauClasse = "PREMIERE", Titre = "PFMP 2 — Mise en service", PourApprentis = true,
        Objectifs = "Mettre en service une installation.", Activites = ["A2", "A3"], Taches = ["T2.1", "T3.1"], AuteurId = Guid.NewGuid(),
        AuteurNom = "Alessandro VOLTA", CreeLe = Le, ModifieLe = Le.AddDays(1),
    };

    private static PeriodeEntreprise PeriodeEntreprise() => new()
    {
        AnnexeId = Guid.NewGuid(), Type = TypePeriodeEntreprise.PeriodeEmployeur, Referentiel = "BACPRO-MELEC", NiveauClasse = "SECONDE",
        Titre = "Période employeur 1", Debut = new DateOnly(2027, 1, 4), Fin = new DateOnly(2027, 1, 29), Objectifs = "Découvrir l'entreprise.",
        Activites = ["A2"], Taches = ["T2.1", "T2.3"], Referents = [Guid.NewGuid(), Guid.NewGuid()], CreeLe = Le, CreePar = "Denise DDFTP",
    };

    private static AffectationEntreprise Affectation(Guid periode, Guid apprenant) => new()
    {
        PeriodeId = periode, ApprenantId = apprenant, EntrepriseNom = "Élec Services", EntrepriseSiret = "73282932000074",
        EntrepriseAdresse = "12 rue des Ampères, 75011 Paris", TuteurId = Guid.NewGuid(), TuteurNom = "DUPONT", TuteurPrenom = "Claire",
        TuteurEmail = "claire.dupont@example.org", TuteurTelephone = "01 23 45 67 89", ModifieLe = Le,
    };
}
