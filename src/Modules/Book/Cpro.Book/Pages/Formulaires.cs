using System.Globalization;
using Cpro.Kernel.Errors;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Cpro.Book.Pages;

/// <summary>What the book's pages share: post, then redirect to what to show (post/redirect/get); a refusal is shown with
/// the page as it is, the fields' messages beside them.</summary>
internal static class Formulaires
{
    public static async Task<(string? Message, IReadOnlyDictionary<string, string[]> Erreurs)> EnvoyerAsync(HttpContext contexte, NavigationManager navigation,
        Func<IFormCollection, Task<string>> envoi)
    {
        try
        {
            navigation.NavigateTo(await envoi(contexte.Request.HasFormContentType ? contexte.Request.Form : FormCollection.Empty));
            return (null, new Dictionary<string, string[]>());
        }
        catch (ValidationException e)
        {
            var erreurs = ValidationErrors.ByField(e);
            return ("La saisie contient des erreurs : " + string.Join(" ", erreurs.SelectMany(x => x.Value)), erreurs);
        }
        catch (CproException e)
        {
            return (e.Message, new Dictionary<string, string[]>());
        }
    }

    public static string Fait(string url, string message) => $"{url}?fait={Uri.EscapeDataString(message)}";

    public static int Version(IFormCollection form) => int.TryParse(form["version"], out var v) ? v : 0;

    public static DateOnly? Date(string? texte) => DateOnly.TryParse(texte, CultureInfo.InvariantCulture, out var date) ? date : null;

    public static string Jour(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
