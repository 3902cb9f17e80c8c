namespace Cpro.Kernel.Portal;

/// <summary>What every form of the portal does with a handler's validation failures (see <see cref="Errors.ValidationErrors.ByField"/>):
/// the field's input says it is invalid, <c>ErreurChamp</c> shows why, <c>ResumeErreurs</c> lists them all at the top.</summary>
public static class FormValidation
{
    /// <summary>The value of the field's <c>aria-invalid</c>: "true" when it has a message, else no attribute.</summary>
    public static string? Invalide(IReadOnlyDictionary<string, string[]> erreurs, string champ) => erreurs.ContainsKey(champ) ? "true" : null;

    /// <summary>The field's <c>aria-describedby</c>: its help (if any), then its message when it has one.</summary>
    public static string? DecritPar(IReadOnlyDictionary<string, string[]> erreurs, string champ, string? aide = null) =>
        string.Join(' ', new[] { aide, erreurs.ContainsKey(champ) ? $"{champ}-erreur" : null }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}
