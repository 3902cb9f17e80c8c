namespace Cpro.Kernel.Errors;

/// <summary>Business outcomes a handler signals; the host turns each into its ProblemDetails (French message).</summary>
public abstract class CproException(string message) : Exception(message);

/// <summary>→ 404.</summary>
public sealed class IntrouvableException(string message) : CproException(message);

/// <summary>→ 409: the request conflicts with the current state (duplicate, stale copy).</summary>
public sealed class ConflitException(string message) : CproException(message);

/// <summary>→ 403: the caller is known but may not do this.</summary>
public sealed class InterditException(string message = "Vous n'avez pas les droits nécessaires pour cette action.") : CproException(message);
