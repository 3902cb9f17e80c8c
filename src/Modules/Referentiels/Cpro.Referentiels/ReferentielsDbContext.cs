using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Referentiels;

/// <summary>The Referentiels module's tables live in schema « referentiels »; they arrive with its features.</summary>
internal sealed class ReferentielsDbContext(DbContextOptions<ReferentielsDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser)
{
    public const string SchemaName = "referentiels";

    public override string Schema => SchemaName;
}
