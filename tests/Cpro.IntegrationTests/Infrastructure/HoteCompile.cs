namespace Cpro.IntegrationTests.Infrastructure;

/// <summary>The build of Cpro.Host beside the tests, to run it as its own process.</summary>
internal static class HoteCompile
{
    /// <summary>The host's project and its build: from tests/Cpro.IntegrationTests/bin/&lt;configuration&gt;/&lt;framework&gt;/
    /// to src/Host/Cpro.Host/bin/&lt;configuration&gt;/&lt;framework&gt;/ (build/test.sh builds the whole solution first).</summary>
    public static (string Projet, string Dll) Chemins()
    {
        var ici = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var racine = ici;
        while (racine is not null && !File.Exists(Path.Combine(racine.FullName, "Cpro.sln")))
        {
            racine = racine.Parent;
        }
        Assert.NotNull(racine);
        var projet = Path.Combine(racine.FullName, "src", "Host", "Cpro.Host");
        var dll = Path.Combine(projet, "bin", ici.Parent!.Name, ici.Name, "Cpro.Host.dll");
        Assert.True(File.Exists(dll), $"{dll} not found: build the solution first (dotnet build Cpro.sln -c {ici.Parent.Name}).");
        return (projet, dll);
    }
}
