namespace Cpro.Kernel.Identity;

/// <summary>Whether an establishment's account may still act: a deactivated account loses its open sessions and tokens,
/// not only its next sign-in.</summary>
public interface IComptesActifs
{
    ValueTask<bool> EstActifAsync(Guid utilisateurId, CancellationToken cancellationToken);
}
