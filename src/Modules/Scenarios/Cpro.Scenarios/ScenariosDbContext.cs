using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Scenarios;

/// <summary>The Scenarios module's tables live in schema « scenarios »; they arrive with its features.</summary>
internal sealed class ScenariosDbContext(DbContextOptions<ScenariosDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser)
{
    public const string SchemaName = "scenarios";

    public override string Schema => SchemaName;
}
