namespace Cpro.Kernel.Identity;

/// <summary>Whether a signed-in account may still act: a deactivated account, or one whose password changed, loses its
/// open sessions and tokens, not only its next sign-in.</summary>
public interface IComptesActifs
{
    /// <summary>The state of an account of that establishment (none: a platform administrator), from a brief cache unless
    /// <paramref name="relire"/>.</summary>
    ValueTask<EtatCompte> EtatAsync(Guid compteId, Guid? etablissementId, bool relire, CancellationToken cancellationToken);
}

/// <summary>A session goes on while its account is active and has kept the stamp the session carries. An unknown account
/// is inactive and has no stamp.</summary>
public sealed record EtatCompte(bool Actif, Guid? TamponSecurite);
