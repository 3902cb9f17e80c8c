using Cpro.Kernel.Identity;
using Cpro.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cpro.Book;

/// <summary>The Book module's tables live in schema « book »; they arrive with its features.</summary>
internal sealed class BookDbContext(DbContextOptions<BookDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser)
{
    public const string SchemaName = "book";

    public override string Schema => SchemaName;
}
