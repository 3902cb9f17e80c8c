using Cpro.Etablissements.Contracts;
using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Siecle;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;

namespace Cpro.Etablissements.Integrations;

/// <summary>Answers the console de pilotage (Bilans): every learner with their state, and a division's teachers to remind,
/// in the establishment it names. Bilans has checked its caller is the DDFTP or the head.</summary>
internal sealed class PilotagePartage(IQuerySession session) :
    IQueryHandler<ListerApprenantsPilotage, IReadOnlyList<ApprenantPilotage>>,
    IQueryHandler<ListerEnseignantsDesDivisions, IReadOnlyList<EnseignantDivision>>
{
    public async ValueTask<IReadOnlyList<ApprenantPilotage>> Handle(ListerApprenantsPilotage query, CancellationToken cancellationToken) =>
        // Projected in the database: an establishment has thousands of learners, the console needs these fields only.
        [.. (await session.PourEtablissement(query.EtablissementId).Query<Apprenant>().Where(a => a.UtilisateurId != null)
                .Select(a => new { a.UtilisateurId, a.Nom, a.Prenom, a.Division, a.Actif, a.Ine, a.DateSortie })
                .ToListAsync(cancellationToken))
            .Select(a => new ApprenantPilotage(a.UtilisateurId!.Value, a.Nom, a.Prenom, a.Division, a.Actif, !string.IsNullOrWhiteSpace(a.Ine), a.DateSortie))];

    public async ValueTask<IReadOnlyList<EnseignantDivision>> Handle(ListerEnseignantsDesDivisions query, CancellationToken cancellationToken)
    {
        var documents = session.PourEtablissement(query.EtablissementId);
        var lecture = documents.CreateBatchQuery();
        var structuresLues = lecture.Query<Structure>().Where(s => s.Actif).ToList();
        var personnelsLus = lecture.Query<Personnel>().Where(p => p.Actif && p.UtilisateurId != null).ToList();
        await lecture.Execute(cancellationToken);
        var voulues = query.Divisions.ToHashSet(StringComparer.Ordinal);
        var parSts = (await personnelsLus).GroupBy(p => p.StsId).ToDictionary(g => g.Key, g => g.First().UtilisateurId!.Value, StringComparer.Ordinal);
        var liens = (await structuresLues)
            .SelectMany(s => s.Services.Select(x => x[(x.LastIndexOf(':') + 1)..]).Concat(s.ProfesseursPrincipaux).Distinct()
                .SelectMany(sts => (s.Type == Structure.TypeDivision ? [s.Code] : s.Appartenances).Select(division => (Sts: sts, Division: division))))
            .Where(l => voulues.Contains(l.Division) && parSts.ContainsKey(l.Sts))
            .Select(l => (Utilisateur: parSts[l.Sts], l.Division)).Distinct().ToList();
        var ids = liens.Select(l => l.Utilisateur).Distinct().ToList();
        var comptes = (await documents.Query<Utilisateur>().Where(u => ids.Contains(u.Id) && u.Actif).ToListAsync(cancellationToken)).ToDictionary(u => u.Id);
        return [.. liens.Where(l => comptes.ContainsKey(l.Utilisateur))
            .Select(l => new EnseignantDivision(l.Utilisateur, comptes[l.Utilisateur].NomComplet, comptes[l.Utilisateur].Email, l.Division))
            .OrderBy(e => e.Division, StringComparer.Ordinal).ThenBy(e => e.NomComplet, StringComparer.Ordinal)];
    }
}
