using Cpro.Book.Domain;
using Cpro.Kernel.Fichiers;
using Cpro.Kernel.Identity;
using Cpro.Kernel.Modules;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Book;

public sealed class BookModule : ICproModule
{
    private const string Schema = "book";

    public string Name => "Book";
    public string DisplayName => "Book des apprenants";
    public string Description => "Vitrine des meilleures réalisations de l'apprenant, exportée une page par réussite.";
    public ModuleStatut Statut => ModuleStatut.Disponible;
    public bool Desactivable => true;
    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new("Book des apprenants", "/book", Profils.Eleve, Profils.Apprenti, Profils.Enseignant, Profils.Ddftp,
        Profils.ChefEtablissement)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IOccupationEspace, OccupationMedias>();
        services.AddScoped<INavigationConditionnelle, Integrations.NavigationBook>();
        services.AddScoped<Kernel.Portal.IContributionAccueil, Integrations.AccueilBook>();
        services.AddScoped<IStartupTask, Startup.DemoBook>();
        services.AddSingleton<Features.PurgerCorbeille.Service>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.PurgerCorbeille.Service>());
        var activations = new Integrations.ActivationsEnCache();
        services.AddSingleton(activations);
        // Every document belongs to one establishment (the store's default); a book is read by learner.
        services.ConfigureMarten(options =>
        {
            options.Listeners.Add(activations);
            options.Schema.For<ActivationBook>().DatabaseSchemaName(Schema);
            options.Schema.For<Reussite>().DatabaseSchemaName(Schema).UseNumericRevisions(true).Index(r => r.ApprenantId);
            options.Schema.For<OrdreBook>().DatabaseSchemaName(Schema);
            options.Schema.For<MediaReussite>().DatabaseSchemaName(Schema).Index(m => m.ReussiteId);
            options.Schema.For<ContenuMedia>().DatabaseSchemaName(Schema);
            options.Schema.For<CommentaireReussite>().DatabaseSchemaName(Schema).Index(c => c.ReussiteId);
        });
    }
}
