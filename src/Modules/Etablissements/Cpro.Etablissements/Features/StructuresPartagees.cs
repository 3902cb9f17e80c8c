using Cpro.Etablissements.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Cpro.Etablissements.Features;

/// <summary>Answers other modules' questions about classes, learners and teachers' classes (Contracts queries).
/// The establishment is the one the asking module names, explicitly across the filter: the asking handler has already
/// checked that its caller belongs to it.</summary>
internal sealed class StructuresPartagees(EtablissementsDbContext db, IConfiguration configuration) :
    IQueryHandler<ListerDivisions, IReadOnlyList<DivisionEtablissement>>,
    IQueryHandler<ListerApprenantsDesDivisions, IReadOnlyList<ApprenantEtablissement>>,
    IQueryHandler<ObtenirApprenants, IReadOnlyList<ApprenantEtablissement>>,
    IQueryHandler<ListerDivisionsEnseignant, IReadOnlyList<string>>,
    IQueryHandler<TrouverEtablissement, EtablissementResume?>,
    IQueryHandler<ListerEnseignants, IReadOnlyList<EnseignantEtablissement>>,
    IQueryHandler<ObtenirEtablissementDemo, EtablissementResume?>
{
    public async ValueTask<EtablissementResume?> Handle(ObtenirEtablissementDemo query, CancellationToken cancellationToken) =>
        configuration.GetValue<bool>("CPRO_DEMO") ? await Handle(new TrouverEtablissement(Startup.DemoSeed.Uai), cancellationToken) : null;

    public async ValueTask<EtablissementResume?> Handle(TrouverEtablissement query, CancellationToken cancellationToken)
    {
        var uai = Domain.Uai.Normalize(query.Uai);
        return await db.Etablissements.AsNoTracking().Where(e => e.Uai == uai)
            .Select(e => new EtablissementResume(e.Id, e.Uai, e.Nom)).SingleOrDefaultAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<EnseignantEtablissement>> Handle(ListerEnseignants query, CancellationToken cancellationToken) =>
        await db.Utilisateurs.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.EtablissementId == query.EtablissementId && u.Actif && u.Profils.Contains(Kernel.Identity.Profils.Enseignant))
            .OrderBy(u => u.Nom).ThenBy(u => u.Prenom)
            .Select(u => new EnseignantEtablissement(u.Id, u.Nom, u.Prenom))
            .ToListAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<DivisionEtablissement>> Handle(ListerDivisions query, CancellationToken cancellationToken) =>
        await db.Structures.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.EtablissementId == query.EtablissementId && s.Type == Siecle.Structure.TypeDivision && s.Actif)
            .OrderBy(s => s.Code)
            .Select(s => new DivisionEtablissement(s.Code, s.Libelle, s.Appartenances))
            .ToListAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<ApprenantEtablissement>> Handle(ListerApprenantsDesDivisions query, CancellationToken cancellationToken)
    {
        var divisions = query.Divisions.ToList();
        return await db.Apprenants.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.EtablissementId == query.EtablissementId && a.Actif && a.UtilisateurId != null
                        && (divisions.Count == 0 || (a.Division != null && divisions.Contains(a.Division))))
            .OrderBy(a => a.Division).ThenBy(a => a.Nom).ThenBy(a => a.Prenom)
            .Select(a => new ApprenantEtablissement(a.UtilisateurId!.Value, a.Nom, a.Prenom, a.Division, a.Statut, a.Actif))
            .ToListAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<ApprenantEtablissement>> Handle(ObtenirApprenants query, CancellationToken cancellationToken)
    {
        var ids = query.UtilisateurIds.Cast<Guid?>().ToList();
        return await db.Apprenants.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.EtablissementId == query.EtablissementId && ids.Contains(a.UtilisateurId))
            .OrderBy(a => a.Nom).ThenBy(a => a.Prenom)
            .Select(a => new ApprenantEtablissement(a.UtilisateurId!.Value, a.Nom, a.Prenom, a.Division, a.Statut, a.Actif))
            .ToListAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<string>> Handle(ListerDivisionsEnseignant query, CancellationToken cancellationToken)
    {
        var stsId = await db.Personnels.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.EtablissementId == query.EtablissementId && p.UtilisateurId == query.UtilisateurId)
            .Select(p => p.StsId).FirstOrDefaultAsync(cancellationToken);
        if (stsId is null)
        {
            return [];
        }
        var structures = await db.Structures.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.EtablissementId == query.EtablissementId && s.Actif)
            .Select(s => new { s.Type, s.Code, s.Services, s.ProfesseursPrincipaux, s.Appartenances })
            .ToListAsync(cancellationToken);
        var suffixe = ":" + stsId;
        var enseignees = structures.Where(s => s.ProfesseursPrincipaux.Contains(stsId) || s.Services.Any(x => x.EndsWith(suffixe, StringComparison.Ordinal))).ToList();
        // A group's teacher teaches the divisions the group draws from.
        return [.. enseignees.SelectMany(s => s.Type == Siecle.Structure.TypeDivision ? [s.Code] : s.Appartenances).Distinct().Order(StringComparer.Ordinal)];
    }
}
