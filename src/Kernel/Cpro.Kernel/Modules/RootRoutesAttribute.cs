namespace Cpro.Kernel.Modules;

/// <summary>Marks a Carter module whose routes are mapped from the root rather than under the module's
/// API prefix (e.g. <c>/api/auth/token</c>); such routes are not subject to the module switch.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RootRoutesAttribute : Attribute;
