using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Bilans;

/// <summary>The Bilans module's tables live in schema « bilans »; they arrive with its features.</summary>
internal sealed class BilansDbContext(DbContextOptions<BilansDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser)
{
    public const string SchemaName = "bilans";

    public override string Schema => SchemaName;
}
