namespace Cpro.Kernel.Errors;

/// <summary>Business outcomes a handler signals; the host turns each into its ProblemDetails (French message).</summary>
public abstract class CproException(string message) : Exception(message);

/// <summary>→ 404.</summary>
public sealed class IntrouvableException(string message) : CproException(message);

/// <summary>→ 409: the request conflicts with the current state (duplicate, stale copy).</summary>
public sealed class ConflitException(string message) : CproException(message);

/// <summary>→ 403: the caller is known but may not do this.</summary>
public sealed class InterditException(string message = "Vous n'avez pas les droits nécessaires pour cette action.") : CproException(message);

/// <summary>→ 400: the request (or a file it carries) is unreadable or of the wrong kind.</summary>
public sealed class RequeteInvalideException(string message) : CproException(message);

/// <summary>→ 422: the request is readable but cannot be applied (e.g. a file of another establishment or year).</summary>
public sealed class NonTraitableException(string message) : CproException(message);

/// <summary>→ 413: the request or a file it carries is over the allowed size.</summary>
public sealed class TropVolumineuxException(string message) : CproException(message);
