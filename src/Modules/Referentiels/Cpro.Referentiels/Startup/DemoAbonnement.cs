using Cpro.Etablissements.Contracts;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Cpro.Referentiels.Domain;
using Marten;
using Mediator;

namespace Cpro.Referentiels.Startup;

/// <summary>With CPRO_DEMO=true, the demo establishment subscribes to Bac Pro MELEC, its Seconde taught in the demo class.
/// Idempotent: an existing subscription (perhaps changed by hand) is left alone.</summary>
internal sealed class DemoAbonnement(IDocumentStore store, IMediator mediator, TimeProvider clock) : IStartupTask
{
    public const string Referentiel = "BACPRO-MELEC";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new ObtenirEtablissementDemo(), cancellationToken) is not { } demo)
        {
            return;
        }
        // Outside any request: a session of the demo establishment's own, saved here since no command wraps it.
        await using var session = store.LightweightSession(UnitOfWork.Tenant(demo.Id));
        if (await session.Query<Abonnement>().AnyAsync(a => a.ReferentielCode == Referentiel, cancellationToken))
        {
            return;
        }
        var divisions = await mediator.Send(new ListerDivisions(demo.Id), cancellationToken);
        session.Insert(new Abonnement
        {
            ReferentielCode = Referentiel,
            Niveaux = [new NiveauAbonne("SECONDE", [.. divisions.Where(d => d.Code.StartsWith('2')).Select(d => d.Code)])],
            ModifieLe = clock.GetUtcNow(),
            ModifiePar = "démonstration",
        });
        await session.SaveChangesAsync(cancellationToken);
    }
}
