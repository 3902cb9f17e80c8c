using FluentValidation;
using Microsoft.AspNetCore.Components.Forms;

namespace Cpro.Kernel.Portal;

/// <summary>Puts a handler's validation failures on a form: each input whose property has a message gets
/// <c>aria-invalid="true"</c>, and the messages per field (JSON name) are returned for display.</summary>
public static class FormValidation
{
    public static IReadOnlyDictionary<string, string[]> Apply(ValidationException exception, EditContext editContext, ValidationMessageStore store)
    {
        store.Clear();
        foreach (var failure in exception.Errors)
        {
            // Rules may name their field in camelCase (its JSON name): the form's property is found regardless of case.
            var property = editContext.Model.GetType().GetProperty(failure.PropertyName,
                System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase);
            store.Add(editContext.Field(property?.Name ?? failure.PropertyName), failure.ErrorMessage);
        }
        editContext.NotifyValidationStateChanged();
        return Errors.ValidationErrors.ByField(exception);
    }
}
