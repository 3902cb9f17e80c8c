using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Modules;
using Cpro.Referentiels.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Referentiels.Startup;

/// <summary>With CPRO_DEMO=true, the demo establishment subscribes to Bac Pro MELEC, its Seconde taught in the demo class.
/// Idempotent: an existing subscription (perhaps changed by hand) is left alone.</summary>
internal sealed class DemoAbonnement(ReferentielsDbContext db, IMediator mediator, TimeProvider clock) : IStartupTask
{
    public const string Referentiel = "BACPRO-MELEC";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new ObtenirEtablissementDemo(), cancellationToken) is not { } demo
            || await db.Abonnements.IgnoreQueryFilters().AnyAsync(a => a.EtablissementId == demo.Id && a.ReferentielCode == Referentiel, cancellationToken))
        {
            return;
        }
        var divisions = await mediator.Send(new ListerDivisions(demo.Id), cancellationToken);
        db.Abonnements.Add(new Abonnement
        {
            EtablissementId = demo.Id,
            ReferentielCode = Referentiel,
            Niveaux = [new NiveauAbonne("SECONDE", [.. divisions.Where(d => d.Code.StartsWith('2')).Select(d => d.Code)])],
            ModifieLe = clock.GetUtcNow(),
            ModifiePar = "démonstration",
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
