namespace Cpro.Kernel.Modules;

/// <summary>The modules the host composes, in the order it lists them.</summary>
public sealed class ModuleCatalogue(IReadOnlyList<ICproModule> modules)
{
    public IReadOnlyList<ICproModule> All { get; } = modules;

    public ICproModule? Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    public ICproModule Get(string name) =>
        Find(name) ?? throw new InvalidOperationException($"Module inconnu : {name}.");

    public ICproModule? OwnerOf(Type type) => All.FirstOrDefault(m => m.GetType().Assembly == type.Assembly);
}
