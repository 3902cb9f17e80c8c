using Cpro.Etablissements.Domain;
using Cpro.Kernel.Modules;
using Cpro.Kernel.Persistence;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Cpro.Etablissements.Startup;

/// <summary>With CPRO_ADMIN_LOGIN and CPRO_ADMIN_PASSWORD set, that platform administrator exists after start.
/// An existing one is left alone: a password changed since is never overwritten.</summary>
internal sealed class AdministrateurPlateformeSeed(
    UnitOfWork unitOfWork, IConfiguration configuration, IPasswordHasher<Identifiants> hasher, TimeProvider clock,
    ILogger<AdministrateurPlateformeSeed> logger) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var login = Identifiants.NormalizeLogin(configuration["CPRO_ADMIN_LOGIN"]);
        var password = configuration["CPRO_ADMIN_PASSWORD"];
        if (login.Length == 0 || string.IsNullOrEmpty(password))
        {
            return;
        }
        await unitOfWork.InTransactionAsync(async session =>
        {
            if (await session.Query<AdministrateurPlateforme>().AnyAsync(a => a.Identifiants.Login == login, cancellationToken))
            {
                return;
            }
            if (await session.Query<Utilisateur>().AnyAsync(u => u.AnyTenant() && u.Identifiants.Login == login, cancellationToken))
            {
                throw new InvalidOperationException($"CPRO_ADMIN_LOGIN « {login} » est déjà l'identifiant d'un utilisateur d'établissement.");
            }
            var identifiants = new Identifiants { Login = login, MotDePasseHash = "" };
            identifiants.MotDePasseHash = hasher.HashPassword(identifiants, password);
            session.Insert(new AdministrateurPlateforme { Identifiants = identifiants, CreeLe = clock.GetUtcNow() });
            logger.LogInformation("Administrateur de la plateforme {Login} créé", login);
        }, cancellationToken);
    }
}
