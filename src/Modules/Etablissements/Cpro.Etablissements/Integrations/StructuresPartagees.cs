using Cpro.Etablissements.Contracts;
using Cpro.Etablissements.Domain;
using Cpro.Etablissements.Siecle;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Marten;
using Mediator;
using Microsoft.Extensions.Configuration;

namespace Cpro.Etablissements.Integrations;

/// <summary>Answers other modules' questions about classes, learners and teachers' classes (Contracts queries).
/// The establishment is the one the asking module names, explicitly: the asking handler has already checked that its
/// caller belongs to it.</summary>
internal sealed class StructuresPartagees(IQuerySession session, IConfiguration configuration, UnitOfWork unitOfWork, StructuresEnCache cache) :
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
        var uai = Uai.Normalize(query.Uai);
        return await session.Query<Etablissement>().SingleOrDefaultAsync(e => e.Uai == uai, cancellationToken) is { } e
            ? new EtablissementResume(e.Id, e.Uai, e.Nom)
            : null;
    }

    public async ValueTask<IReadOnlyList<EnseignantEtablissement>> Handle(ListerEnseignants query, CancellationToken cancellationToken) =>
        [.. (await session.PourEtablissement(query.EtablissementId).Query<Utilisateur>()
                .Where(u => u.Actif && u.Profils.Contains(Profils.Enseignant))
                .OrderBy(u => u.Nom).ThenBy(u => u.Prenom)
                .ToListAsync(cancellationToken))
            .Select(u => new EnseignantEtablissement(u.Id, u.Nom, u.Prenom))];

    public async ValueTask<IReadOnlyList<DivisionEtablissement>> Handle(ListerDivisions query, CancellationToken cancellationToken) =>
        [.. (await session.PourEtablissement(query.EtablissementId).Query<Structure>()
                .Where(s => s.Type == Structure.TypeDivision && s.Actif)
                .OrderBy(s => s.Code)
                .ToListAsync(cancellationToken))
            .Select(s => new DivisionEtablissement(s.Code, s.Libelle, s.Appartenances))];

    public async ValueTask<IReadOnlyList<ApprenantEtablissement>> Handle(ListerApprenantsDesDivisions query, CancellationToken cancellationToken)
    {
        var apprenants = session.PourEtablissement(query.EtablissementId).Query<Apprenant>().Where(a => a.Actif && a.UtilisateurId != null);
        if (query.Divisions.Count > 0)
        {
            var divisions = query.Divisions.ToArray();
            apprenants = apprenants.Where(a => a.Division != null && a.Division.IsOneOf(divisions));
        }
        return [.. (await apprenants.OrderBy(a => a.Division).ThenBy(a => a.Nom).ThenBy(a => a.Prenom).ToListAsync(cancellationToken))
            .Select(Contrat)];
    }

    // Kept briefly: every dashboard asks who may follow whom.
    public async ValueTask<IReadOnlyList<ApprenantEtablissement>> Handle(ObtenirApprenants query, CancellationToken cancellationToken)
    {
        var ids = query.UtilisateurIds.Distinct().Order().Select(id => (Guid?)id).ToArray();
        return await cache.LireAsync<IReadOnlyList<ApprenantEtablissement>>(unitOfWork, $"apprenants/{query.EtablissementId}/{string.Join(',', ids)}", async () =>
            [.. (await session.PourEtablissement(query.EtablissementId).Query<Apprenant>()
                    .Where(a => a.UtilisateurId.IsOneOf(ids))
                    .OrderBy(a => a.Nom).ThenBy(a => a.Prenom)
                    .ToListAsync(cancellationToken))
                .Select(Contrat)]);
    }

    public async ValueTask<IReadOnlyList<string>> Handle(ListerDivisionsEnseignant query, CancellationToken cancellationToken) =>
        await cache.LireAsync(unitOfWork, $"divisions/{query.EtablissementId}/{query.UtilisateurId}", () => DivisionsAsync(query, cancellationToken));

    private async Task<IReadOnlyList<string>> DivisionsAsync(ListerDivisionsEnseignant query, CancellationToken cancellationToken)
    {
        var documents = session.PourEtablissement(query.EtablissementId);
        var stsId = (await documents.Query<Personnel>().FirstOrDefaultAsync(p => p.UtilisateurId == query.UtilisateurId, cancellationToken))?.StsId;
        if (stsId is null)
        {
            return [];
        }
        var structures = await documents.Query<Structure>().Where(s => s.Actif).ToListAsync(cancellationToken);
        var suffixe = ":" + stsId;
        var enseignees = structures.Where(s => s.ProfesseursPrincipaux.Contains(stsId) || s.Services.Any(x => x.EndsWith(suffixe, StringComparison.Ordinal))).ToList();
        // A group's teacher teaches the divisions the group draws from.
        return [.. enseignees.SelectMany(s => s.Type == Structure.TypeDivision ? [s.Code] : s.Appartenances).Distinct().Order(StringComparer.Ordinal)];
    }

    private static ApprenantEtablissement Contrat(Apprenant a) => new(a.UtilisateurId!.Value, a.Nom, a.Prenom, a.Division, a.Statut, a.Actif);
}
