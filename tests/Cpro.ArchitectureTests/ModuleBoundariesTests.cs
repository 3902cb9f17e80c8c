using System.Reflection;
using Cpro.Host.Composition;
using Cpro.Kernel.Modules;
using Microsoft.AspNetCore.Components;

namespace Cpro.ArchitectureTests;

/// <summary>The boundaries of every module the host composes, read from the module catalogue.</summary>
public sealed class ModuleBoundariesTests
{
    private const string Kernel = "Cpro.Kernel";

    private static readonly IReadOnlyList<ICproModule> Modules = CproModules.Catalogue().All;

    public static TheoryData<string> ModuleNames => new(Modules.Select(m => m.Name));

    [Fact]
    public void The_catalogue_lists_the_nine_modules_of_the_design()
    {
        Assert.Equal(
            ["Etablissements", "Referentiels", "Scenarios", "Periodes", "Portfolio", "Book", "Bilans", "Transferts", "Certification"],
            Modules.Select(m => m.Name));
        Assert.All(Modules, m => Assert.Equal($"Cpro.{m.Name}", m.GetType().Assembly.GetName().Name));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_references_only_the_kernel_and_other_modules_contracts(string name)
    {
        var assembly = Module(name);

        Assert.DoesNotContain(CproReferences(assembly), r => r != Kernel && !r.EndsWith(".Contracts", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Contracts_reference_no_module_and_hold_only_public_records(string name)
    {
        var contracts = Assembly.Load($"Cpro.{name}.Contracts");

        Assert.DoesNotContain(CproReferences(contracts), r => r != Kernel && !r.EndsWith(".Contracts", StringComparison.Ordinal));
        Assert.All(contracts.GetTypes().Where(t => !IsCompilerGenerated(t)), t =>
        {
            Assert.True(t.IsPublic, $"{t.FullName} n'est pas public.");
            Assert.True(t.GetMethod("<Clone>$") is not null, $"{t.FullName} n'est pas un record.");
        });
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Every_module_type_but_its_module_class_is_internal(string name)
    {
        var assembly = Module(name);
        var module = Modules.Single(m => m.Name == name).GetType();

        // Blazor's router finds pages among exported types only: pages (and Razor's generated _Imports) stay public.
        var visible = assembly.GetTypes().Where(t => t.IsVisible && t != module && !IsPage(t) && t.Name != "_Imports");

        Assert.Empty(visible.Select(t => t.FullName));
        Assert.True(module.IsPublic && module.IsSealed);
        Assert.Single(assembly.GetTypes(), t => t.IsAssignableTo(typeof(ICproModule)));
    }

    /// <summary>A command is saved once, by the host, when the outermost ends (UnitOfWork): a handler that saved would
    /// commit half a command. Only work no command wraps (start-up tasks, background senders) saves its own session.</summary>
    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void No_handler_saves_the_session_itself(string name)
    {
        var dossier = Path.Combine(Racine(), "src", "Modules", name, $"Cpro.{name}");
        var sources = new[] { "Features", "Integrations", "Pages" }.Select(d => Path.Combine(dossier, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.*", SearchOption.AllDirectories)).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal));

        Assert.DoesNotContain(sources, f => File.ReadAllText(f).Contains("SaveChangesAsync", StringComparison.Ordinal));
    }

    /// <summary>The repository's root, where the solution is.</summary>
    private static string Racine()
    {
        var dossier = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dossier!.FullName, "Cpro.sln")))
        {
            dossier = dossier.Parent;
        }
        return dossier.FullName;
    }

    private static bool IsPage(Type type) => type.IsAssignableTo(typeof(IComponent)) && type.IsDefined(typeof(RouteAttribute));

    private static Assembly Module(string name) => Modules.Single(m => m.Name == name).GetType().Assembly;

    private static IEnumerable<string> CproReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(r => r.Name!).Where(n => n.StartsWith("Cpro.", StringComparison.Ordinal));

    private static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) || type.Name.StartsWith('<');
}
