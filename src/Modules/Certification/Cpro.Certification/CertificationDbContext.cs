using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Certification;

/// <summary>The Certification module's tables live in schema « certification »; they arrive with its features.</summary>
internal sealed class CertificationDbContext(DbContextOptions<CertificationDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser)
{
    public const string SchemaName = "certification";

    public override string Schema => SchemaName;
}
