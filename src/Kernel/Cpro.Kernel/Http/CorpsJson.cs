using System.Text.Json;
using Cpro.Kernel.Errors;
using Microsoft.AspNetCore.Http;

namespace Cpro.Kernel.Http;

/// <summary>Reads a JSON body once the caller's rights are checked, so that whoever may not write never has a body parsed:
/// the endpoint asks its rights first, then this (minimal APIs would bind a typed body before any handler runs).</summary>
public static class CorpsJson
{
    /// <summary>A bilan's competences and comments, or a réussite's texts, stay far below this.</summary>
    public const long TailleMax = 512 * 1024;

    public static async Task<T> LireAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (request.ContentLength > TailleMax)
        {
            throw new TropVolumineuxException("La requête dépasse 512 Ko.");
        }
        if (!request.HasJsonContentType())
        {
            throw new RequeteInvalideException("Le corps de la requête doit être du JSON (Content-Type: application/json).");
        }
        try
        {
            return await request.ReadFromJsonAsync<T>(cancellationToken) ?? throw new RequeteInvalideException("Le corps de la requête est vide.");
        }
        catch (JsonException)
        {
            throw new RequeteInvalideException("Le corps de la requête n'est pas un JSON lisible dans le format attendu.");
        }
    }
}
