using System.Globalization;
using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Portal;
using Cpro.Periodes.Domain;
using Cpro.Periodes.Features;
using Marten;
using Mediator;

namespace Cpro.Periodes.Integrations;

/// <summary>The home page's cards: the DDFTP's (and the head's) company periods whose learners lack a company or a tutor
/// (the set-up steps are the console de pilotage's, in Bilans); the learners a referent teacher or a tutor follows; a learner's next company period. Only
/// periods not over yet, and for each person only what <see cref="AccesEntreprise"/> lets them see.</summary>
internal sealed class AccueilPeriodes(IQuerySession session, ICurrentUser user, IMediator mediator, TimeProvider clock) : IContributionAccueil
{
    private const int Lignes = 8;

    public async Task<IReadOnlyList<CarteAccueil>> CartesAsync(CancellationToken cancellationToken)
    {
        if (user.UserId is not { } moi || user.EtablissementId is not { } etablissement)
        {
            return [];
        }
        var aujourdhui = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var cartes = new List<CarteAccueil>();
        if (AccesEntreprise.EstDeclarant(user))
        {
            cartes.Add(await AlertesAsync(aujourdhui, cancellationToken));
        }
        if (user.HasProfil(Profils.Enseignant))
        {
            var periodes = await session.Query<PeriodeEntreprise>().Where(p => p.Referents.Contains(moi) && p.Fin >= aujourdhui)
                .OrderBy(p => p.Debut).ToListAsync(cancellationToken);
            var ids = periodes.Select(p => p.Id).ToList();
            var affectations = await session.Query<AffectationEntreprise>().Where(a => ids.Contains(a.PeriodeId)).ToListAsync(cancellationToken);
            cartes.Add(new CarteAccueil("Les apprenants de vos périodes en entreprise",
                await LignesAsync(etablissement, periodes, affectations, aujourdhui, cancellationToken),
                "Vous ne suivez aucune période en entreprise en cours ou à venir.", new LienAccueil("Toutes vos périodes en entreprise", "/periodes/entreprise")));
        }
        if (user.HasAnyProfil([Profils.Tuteur, Profils.MaitreApprentissage]))
        {
            var affectations = await session.Query<AffectationEntreprise>().Where(a => a.TuteurId == moi).ToListAsync(cancellationToken);
            var ids = affectations.Select(a => a.PeriodeId).ToList();
            var periodes = await session.Query<PeriodeEntreprise>().Where(p => ids.Contains(p.Id) && p.Fin >= aujourdhui)
                .OrderBy(p => p.Debut).ToListAsync(cancellationToken);
            cartes.Add(new CarteAccueil("Les apprenants que vous accueillez",
                await LignesAsync(etablissement, periodes, affectations, aujourdhui, cancellationToken),
                "Aucun apprenant ne vous est confié pour une période en cours ou à venir.", new LienAccueil("Toutes leurs périodes en entreprise", "/periodes/entreprise")));
        }
        if (user.HasAnyProfil([Profils.Eleve, Profils.Apprenti]))
        {
            cartes.Add(await ProchainePeriodeAsync(moi, aujourdhui, cancellationToken));
        }
        return cartes;
    }

    /// <summary>Periods not over whose learners still lack a company or a tutor: what the DDFTP has to chase.</summary>
    private async Task<CarteAccueil> AlertesAsync(DateOnly aujourdhui, CancellationToken cancellationToken)
    {
        var periodes = await session.Query<PeriodeEntreprise>().Where(p => p.Fin >= aujourdhui).OrderBy(p => p.Debut).ToListAsync(cancellationToken);
        var ids = periodes.Select(p => p.Id).ToList();
        var incompletes = (await session.Query<AffectationEntreprise>().Where(a => ids.Contains(a.PeriodeId) && (a.EntrepriseNom == null || a.TuteurId == null))
            .Select(a => a.PeriodeId).ToListAsync(cancellationToken)).CountBy(id => id).ToDictionary();
        return new CarteAccueil("Périodes en entreprise à compléter",
            [.. periodes.Where(p => incompletes.ContainsKey(p.Id)).Take(Lignes).Select(p => new LigneAccueil(p.Titre, $"/periodes/entreprise/{p.Id}",
                $"{Dates(p)} : {incompletes[p.Id]} apprenant(s) sans entreprise ou sans {Encadrant(p)}"))],
            "Chaque apprenant des périodes en cours ou à venir a son entreprise et son tuteur.",
            new LienAccueil("Toutes les périodes en entreprise", "/periodes/entreprise"));
    }

    private async Task<CarteAccueil> ProchainePeriodeAsync(Guid moi, DateOnly aujourdhui, CancellationToken cancellationToken)
    {
        var affectations = await session.Query<AffectationEntreprise>().Where(a => a.ApprenantId == moi).ToListAsync(cancellationToken);
        var ids = affectations.Select(a => a.PeriodeId).ToList();
        var prochaine = await session.Query<PeriodeEntreprise>().Where(p => ids.Contains(p.Id) && p.Fin >= aujourdhui)
            .OrderBy(p => p.Debut).FirstOrDefaultAsync(cancellationToken);
        List<LigneAccueil> lignes = [];
        if (prochaine is not null)
        {
            var a = affectations.First(a => a.PeriodeId == prochaine.Id);
            var chez = a.EntrepriseNom is null ? "entreprise pas encore renseignée" : $"chez {a.EntrepriseNom}";
            var tuteur = a.TuteurId is null ? "" : $", {Encadrant(prochaine)} : {a.TuteurPrenom} {a.TuteurNom}";
            lignes.Add(new LigneAccueil(prochaine.Titre, $"/periodes/entreprise/{prochaine.Id}", $"{Dates(prochaine)} ({Etat(prochaine, aujourdhui)}), {chez}{tuteur}"));
        }
        return new CarteAccueil("Votre prochaine période en entreprise", lignes, "Aucune période en entreprise en cours ou à venir pour vous.",
            new LienAccueil("Toutes vos périodes en entreprise", "/periodes/entreprise"));
    }

    /// <summary>One line per learner of these periods (their assignments among <paramref name="affectations"/>), by period date.</summary>
    private async Task<IReadOnlyList<LigneAccueil>> LignesAsync(Guid etablissement, IReadOnlyList<PeriodeEntreprise> periodes,
        IReadOnlyList<AffectationEntreprise> affectations, DateOnly aujourdhui, CancellationToken cancellationToken)
    {
        var suivies = periodes.SelectMany(p => affectations.Where(a => a.PeriodeId == p.Id).Select(a => (Periode: p, Affectation: a))).Take(Lignes).ToList();
        if (suivies.Count == 0)
        {
            return [];
        }
        var noms = (await mediator.Send(new ObtenirApprenants(etablissement, [.. suivies.Select(s => s.Affectation.ApprenantId).Distinct()]), cancellationToken))
            .ToDictionary(a => a.UtilisateurId, a => $"{a.Prenom} {a.Nom}");
        return [.. suivies.Select(s => new LigneAccueil(noms.GetValueOrDefault(s.Affectation.ApprenantId, "Apprenant"), $"/periodes/entreprise/{s.Periode.Id}",
            $"{s.Periode.Titre}, {Dates(s.Periode)} ({Etat(s.Periode, aujourdhui)})"
            + (s.Affectation.EntrepriseNom is { } entreprise ? $", chez {entreprise}" : ", entreprise pas encore renseignée")))];
    }

    private static string Dates(PeriodeEntreprise p) => string.Create(CultureInfo.InvariantCulture, $"du {p.Debut:dd/MM/yyyy} au {p.Fin:dd/MM/yyyy}");

    private static string Etat(PeriodeEntreprise p, DateOnly aujourdhui) =>
        p.Debut <= aujourdhui ? "en cours" : $"dans {p.Debut.DayNumber - aujourdhui.DayNumber} jour(s)";

    private static string Encadrant(PeriodeEntreprise p) => p.Type == TypePeriodeEntreprise.Pfmp ? "tuteur" : "maître d'apprentissage";
}
