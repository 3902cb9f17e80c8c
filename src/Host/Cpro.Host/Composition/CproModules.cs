using Cpro.Bilans;
using Cpro.Book;
using Cpro.Certification;
using Cpro.Etablissements;
using Cpro.Kernel.Modules;
using Cpro.Periodes;
using Cpro.Portfolio;
using Cpro.Referentiels;
using Cpro.Scenarios;
using Cpro.Transferts;

namespace Cpro.Host.Composition;

/// <summary>The modules this host composes, listed explicitly (no assembly scanning).</summary>
public static class CproModules
{
    public static ModuleCatalogue Catalogue() => new(
    [
        new EtablissementsModule(),
        new ReferentielsModule(),
        new ScenariosModule(),
        new PeriodesModule(),
        new PortfolioModule(),
        new BookModule(),
        new BilansModule(),
        new TransfertsModule(),
        new CertificationModule(),
    ]);
}
