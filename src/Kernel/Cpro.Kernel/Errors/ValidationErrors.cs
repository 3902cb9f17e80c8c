using System.Text.Json;
using FluentValidation;

namespace Cpro.Kernel.Errors;

public static class ValidationErrors
{
    /// <summary>French messages per field, keyed by the field's JSON name (camelCase), as in RFC 9457 <c>errors</c>.</summary>
    public static Dictionary<string, string[]> ByField(ValidationException exception) =>
        exception.Errors
            .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
}
