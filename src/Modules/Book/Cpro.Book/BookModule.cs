using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
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
    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new("Book des apprenants", "/book", Profils.Eleve, Profils.Apprenti, Profils.Enseignant, Profils.Ddftp,
        Profils.ChefEtablissement)];

    /// <summary>Nothing yet: the module is to come.</summary>
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
