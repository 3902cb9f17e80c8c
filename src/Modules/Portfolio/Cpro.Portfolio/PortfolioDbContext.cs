using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Portfolio;

/// <summary>The Portfolio module's tables live in schema « portfolio »; they arrive with its features.</summary>
internal sealed class PortfolioDbContext(DbContextOptions<PortfolioDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser)
{
    public const string SchemaName = "portfolio";

    public override string Schema => SchemaName;
}
