using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Periodes;

/// <summary>The Periodes module's tables live in schema « periodes »; they arrive with its features.</summary>
internal sealed class PeriodesDbContext(DbContextOptions<PeriodesDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser)
{
    public const string SchemaName = "periodes";

    public override string Schema => SchemaName;
}
