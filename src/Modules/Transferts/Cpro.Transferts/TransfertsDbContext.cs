using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Transferts;

/// <summary>The Transferts module's tables live in schema « transferts »; they arrive with its features.</summary>
internal sealed class TransfertsDbContext(DbContextOptions<TransfertsDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser)
{
    public const string SchemaName = "transferts";

    public override string Schema => SchemaName;
}
