using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Book;

public sealed class BookModule : ICproModule
{
    public string Name => "Book";
    public string DisplayName => "Book des apprenants";
    public string Description => "Vitrine des meilleures réalisations de l'apprenant, exportée une page par réussite.";
    public ModuleStatut Statut => ModuleStatut.AVenir;
    public bool Desactivable => true;
    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new("Book des apprenants", "/book")];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<BookDbContext>(configuration, BookDbContext.SchemaName);
}
