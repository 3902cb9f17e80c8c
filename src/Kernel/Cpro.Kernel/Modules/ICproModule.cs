using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cpro.Kernel.Modules;

/// <summary>What a module tells the host: who it is, its services, its navigation.
/// Its Carter modules are mapped under <see cref="ModuleRoutes.ApiPrefix"/>; its pages are routable components of its assembly.</summary>
public interface ICproModule
{
    /// <summary>Code name, e.g. "Etablissements"; also the route segment, in lower case.</summary>
    string Name { get; }

    /// <summary>French name shown to users, e.g. "Établissements".</summary>
    string DisplayName { get; }

    /// <summary>One French sentence on what the module does, shown on its page and in the catalogue.</summary>
    string Description { get; }

    ModuleStatut Statut { get; }

    /// <summary>False for the modules an establishment cannot run without.</summary>
    bool Desactivable { get; }

    IReadOnlyList<NavigationEntry> Navigation { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);
}

public enum ModuleStatut
{
    /// <summary>Its features are delivered.</summary>
    Disponible,

    /// <summary>Only its status endpoint and an honest "à venir" page exist yet.</summary>
    AVenir,
}

/// <summary>A navigation entry; <paramref name="Profils"/> empty means every user of an establishment.</summary>
public sealed record NavigationEntry(string Titre, string Href, params string[] Profils);

public static class ModuleRoutes
{
    public static string ApiPrefix(ICproModule module) => "/api/" + module.Name.ToLowerInvariant();

    public static string Libelle(this ModuleStatut statut) => statut switch
    {
        ModuleStatut.Disponible => "disponible",
        _ => "à venir",
    };
}
