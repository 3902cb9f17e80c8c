using Cpro.Kernel.Persistence;
using Cpro.Periodes.Contracts;
using Cpro.Periodes.Domain;
using Marten;
using Mediator;

namespace Cpro.Periodes.Integrations;

/// <summary>Answers Bilans: the official periods of the establishment it names, of one year or all.</summary>
internal sealed class PeriodesOfficiellesPartagees(IQuerySession session)
    : IQueryHandler<ListerPeriodesOfficiellesEtablissement, IReadOnlyList<PeriodeOfficielleEtablissement>>
{
    public async ValueTask<IReadOnlyList<PeriodeOfficielleEtablissement>> Handle(ListerPeriodesOfficiellesEtablissement query, CancellationToken cancellationToken)
    {
        var periodes = session.PourEtablissement(query.EtablissementId).Query<PeriodeOfficielle>().AsQueryable();
        if (query.Annee is { } annee)
        {
            periodes = periodes.Where(p => p.AnneeScolaire == annee);
        }
        return [.. (await periodes.ToListAsync(cancellationToken)).OrderBy(p => p.Debut).ThenBy(p => p.Type).ThenBy(p => p.Libelle, StringComparer.Ordinal)
            .Select(p => new PeriodeOfficielleEtablissement(p.Id, p.Referentiel, p.NiveauClasse, p.AnneeScolaire, CalendrierOfficiel.Code(p.Type), p.Libelle,
                p.Debut, p.Fin))];
    }
}
